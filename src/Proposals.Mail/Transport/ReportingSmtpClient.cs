using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Proposals.Mail;

/// <summary>
/// An SMTP client that still delivers a message when only copied (Cc) recipients are refused, and
/// remembers who they were; a refused addressee (To) still aborts the message, as MailKit does.
/// </summary>
internal sealed class ReportingSmtpClient(IProtocolLogger watch) : SmtpClient(watch)
{
    private readonly List<string> _rejectedCopies = [];

    /// <summary>The copied recipients refused for the message last sent, with the server's words.</summary>
    public IReadOnlyList<string> RejectedCopies => _rejectedCopies.ToArray();

    /// <summary>Forgets the previous message's refusals.</summary>
    public void BeginMessage() => _rejectedCopies.Clear();

    /// <inheritdoc />
    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        var addressee = message.To.Mailboxes.Any(m => string.Equals(m.Address, mailbox.Address, StringComparison.OrdinalIgnoreCase));
        if (addressee)
        {
            base.OnRecipientNotAccepted(message, mailbox, response);
            return;
        }
        _rejectedCopies.Add($"{mailbox.Address}: {(int)response.StatusCode} {response.Response}");
    }
}
