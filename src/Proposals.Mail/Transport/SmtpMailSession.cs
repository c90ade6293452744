using Microsoft.Extensions.Logging;
using MimeKit;

namespace Proposals.Mail;

/// <summary>
/// One SMTP connection reused for a batch. After a refused command the connection is still good and
/// is kept; after a network or protocol error it is dropped and the next message reconnects. When
/// connecting, TLS or the login fails, the server cannot be used: every message of the batch gets
/// <see cref="SendOutcome.Unavailable"/> without more attempts. Once the whole message is written,
/// the wait for the server's reply has its own limit, and a reply that never comes leaves the message
/// <see cref="SendOutcome.Uncertain"/>.
/// </summary>
internal sealed class SmtpMailSession : IMailSession
{
    private readonly SmtpOptions _options;
    private readonly ILogger _logger;
    private readonly DataEndWatch _watch;
    private readonly ReportingSmtpClient _client;
    private SendOutcome.Unavailable? _cannotConnect;

    public SmtpMailSession(SmtpOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _watch = new DataEndWatch(WaitForTheDataReply);
        _client = new ReportingSmtpClient(_watch);
    }

    private string Server => $"{_options.Host}:{_options.Port}";

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
                await SmtpConnector.ConnectAsync(_client, _options, login: true, cancellationToken).ConfigureAwait(false);
                SmtpLog.Connected(_logger, _options.Host, _options.Port);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.IsSendFailure(e))
            {
                _cannotConnect = SmtpFailures.OfConnecting(e, Server);
                SmtpLog.CannotConnect(_logger, e, _options.Host, _options.Port);
                await DropConnectionAsync().ConfigureAwait(false);
                return _cannotConnect;
            }
        }

        _client.BeginMessage();
        _watch.BeginMessage();
        try
        {
            var reply = await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return new SendOutcome.Sent(reply, _client.RejectedCopies);
        }
        catch (Exception e) when (_watch.DataEnded && e is not MailKit.Net.Smtp.SmtpCommandException && SmtpFailures.IsSendFailure(e))
        {
            // Even a shutdown lands here: the message is out, and only the server knows whether it took it.
            var outcome = SmtpFailures.OfReplyLost(e, Server, cancellationToken.IsCancellationRequested, _options.DataTimeoutSeconds);
            SmtpLog.NotTaken(_logger, message.MessageId, outcome);
            await DropConnectionAsync().ConfigureAwait(false);
            return outcome;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.IsSendFailure(e))
        {
            var outcome = SmtpFailures.OfSending(e, Server);
            SmtpLog.NotTaken(_logger, message.MessageId, outcome);
            if (e is not MailKit.Net.Smtp.SmtpCommandException)
                await DropConnectionAsync().ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            if (_client.IsConnected) _client.Timeout = checked(_options.TimeoutSeconds * 1000);
        }
    }

    // Called from inside MailKit as the last line of the data goes out, before it reads the reply.
    private void WaitForTheDataReply() => _client.Timeout = checked(_options.DataTimeoutSeconds * 1000);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true).ConfigureAwait(false); }
            catch (Exception e) when (SmtpFailures.IsSendFailure(e)) { SmtpLog.CloseFailed(_logger, e); }
        }
        _client.Dispose();
    }

    private async Task DropConnectionAsync()
    {
        try { await _client.DisconnectAsync(quit: false).ConfigureAwait(false); }
        catch (Exception e) when (SmtpFailures.IsSendFailure(e)) { SmtpLog.CloseFailed(_logger, e); }
    }
}
