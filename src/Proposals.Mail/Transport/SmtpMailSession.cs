using Microsoft.Extensions.Logging;
using MimeKit;

namespace Proposals.Mail;

/// <summary>
/// One SMTP connection reused for a batch. After a refused command the connection is still good and
/// is kept; after a network or protocol error it is dropped and the next message reconnects. When
/// connecting, TLS or the login fails, the server cannot be used: every message of the batch gets
/// <see cref="SendOutcome.Unavailable"/> without more attempts.
/// </summary>
internal sealed class SmtpMailSession(SmtpOptions options, ILogger logger) : IMailSession
{
    private readonly ReportingSmtpClient _client = new();
    private SendOutcome.Unavailable? _cannotConnect;

    private string Server => $"{options.Host}:{options.Port}";

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_cannotConnect is not null)
            return _cannotConnect;
        if (!_client.IsConnected)
        {
            try
            {
                await SmtpConnector.ConnectAsync(_client, options, login: true, cancellationToken).ConfigureAwait(false);
                SmtpLog.Connected(logger, options.Host, options.Port);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.IsSendFailure(e))
            {
                _cannotConnect = SmtpFailures.OfConnecting(e, Server);
                SmtpLog.CannotConnect(logger, e, options.Host, options.Port);
                await DropConnectionAsync().ConfigureAwait(false);
                return _cannotConnect;
            }
        }

        _client.BeginMessage();
        try
        {
            var reply = await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return new SendOutcome.Sent(reply, _client.RejectedCopies);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.IsSendFailure(e))
        {
            var outcome = SmtpFailures.OfSending(e, Server);
            SmtpLog.NotTaken(logger, message.MessageId, outcome);
            if (e is not MailKit.Net.Smtp.SmtpCommandException)
                await DropConnectionAsync().ConfigureAwait(false);
            return outcome;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true).ConfigureAwait(false); }
            catch (Exception e) when (SmtpFailures.IsSendFailure(e)) { SmtpLog.CloseFailed(logger, e); }
        }
        _client.Dispose();
    }

    private async Task DropConnectionAsync()
    {
        try { await _client.DisconnectAsync(quit: false).ConfigureAwait(false); }
        catch (Exception e) when (SmtpFailures.IsSendFailure(e)) { SmtpLog.CloseFailed(logger, e); }
    }
}
