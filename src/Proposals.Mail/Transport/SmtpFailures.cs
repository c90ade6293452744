using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Proposals.Mail;

/// <summary>
/// Sorts SMTP failures into those worth retrying later (4xx, network, timeouts) and those that need a
/// person (5xx, authentication, certificates), keeping the server's own words.
/// </summary>
internal static class SmtpFailures
{
    /// <summary>True for the exceptions a send can fail with; anything else is a bug and propagates.</summary>
    public static bool IsSendFailure(Exception e) => e is SmtpCommandException or SmtpProtocolException
        or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
        or ServiceNotAuthenticatedException or IOException or SocketException or TimeoutException
        or OperationCanceledException or NotSupportedException or InvalidOperationException;

    /// <summary>The outcome <paramref name="e"/> means for the message being sent.</summary>
    public static SendOutcome Classify(Exception e) => e switch
    {
        SmtpCommandException c => ByStatus((int)c.StatusCode, ServerWords(c)),
        SmtpProtocolException p => new SendOutcome.Transient($"SMTP protocol error: {p.Message}"),
        AuthenticationException a => new SendOutcome.Permanent($"SMTP authentication failed (check Mail:Smtp:User and Password): {a.Message}"),
        // MailKit wraps a connection reset during the handshake too: that is the network, not the certificate.
        SslHandshakeException { InnerException: IOException or SocketException } s => new SendOutcome.Transient($"TLS handshake interrupted: {s.Message}"),
        SslHandshakeException s => new SendOutcome.Permanent($"TLS handshake failed (check the server certificate and Mail:Smtp:Security): {s.Message}"),
        NotSupportedException n => new SendOutcome.Permanent($"The SMTP server does not support what the settings require: {n.Message}"),
        // Both derive from InvalidOperationException but only say the connection went away.
        ServiceNotConnectedException or ServiceNotAuthenticatedException => new SendOutcome.Transient($"SMTP connection lost: {e.Message}"),
        InvalidOperationException i when i is not ObjectDisposedException => new SendOutcome.Permanent($"The message cannot be sent: {i.Message}"),
        TimeoutException or OperationCanceledException => new SendOutcome.Transient($"SMTP operation timed out: {e.Message}"),
        _ => new SendOutcome.Transient($"SMTP connection failed: {e.Message}"),
    };

    /// <summary>4xx is transient, 5xx (and anything stranger) is permanent.</summary>
    public static SendOutcome ByStatus(int status, string words) =>
        status is >= 400 and < 500 ? new SendOutcome.Transient(words) : new SendOutcome.Permanent(words);

    /// <summary>"550 5.1.1 mailbox unavailable (recipient x@y)": the reply code, the server's text, the mailbox.</summary>
    public static string ServerWords(SmtpCommandException c)
    {
        var words = $"{(int)c.StatusCode} {c.Message}".Trim();
        var address = c.Mailbox?.Address;
        if (string.IsNullOrEmpty(address) || words.Contains(address, StringComparison.OrdinalIgnoreCase))
            return words;
        var role = c.ErrorCode == SmtpErrorCode.SenderNotAccepted ? "sender" : "recipient";
        return $"{words} ({role} {address})";
    }
}
