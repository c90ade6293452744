using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Proposals.Mail;

/// <summary>
/// One SMTP connection reused for a batch. After a refused command the connection is still good and
/// is kept; after a network or protocol error it is dropped and the next message reconnects. When
/// connecting or logging in fails, the rest of the batch gets the same outcome without more attempts.
/// </summary>
internal sealed class SmtpMailSession(SmtpOptions options, ILogger logger) : IMailSession
{
    private readonly ReportingSmtpClient _client = new();
    private SendOutcome? _cannotConnect;

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_cannotConnect is not null)
            return _cannotConnect;
        try
        {
            await EnsureConnectedAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.IsSendFailure(e))
        {
            _cannotConnect = SmtpFailures.Classify(e) switch
            {
                SendOutcome.Permanent p => new SendOutcome.Permanent($"{options.Host}:{options.Port}: {p.Reason}"),
                var other => new SendOutcome.Transient($"{options.Host}:{options.Port}: {Reason(other)}"),
            };
            SmtpLog.CannotConnect(logger, e, options.Host, options.Port);
            await DropConnectionAsync();
            return _cannotConnect;
        }

        _client.BeginMessage();
        try
        {
            var reply = await _client.SendAsync(message, cancellationToken);
            return new SendOutcome.Sent(reply, _client.RejectedCopies);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.IsSendFailure(e))
        {
            var outcome = SmtpFailures.Classify(e);
            SmtpLog.NotTaken(logger, message.MessageId, outcome);
            if (e is not SmtpCommandException)
                await DropConnectionAsync();
            return outcome;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true); }
            catch (Exception e) when (SmtpFailures.IsSendFailure(e)) { SmtpLog.CloseFailed(logger, e); }
        }
        _client.Dispose();
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
            return;
        _client.Timeout = checked(options.TimeoutSeconds * 1000);
        _client.CheckCertificateRevocation = options.CheckCertificateRevocation;
        // Only when Mail:Smtp:AcceptAnyCertificate says so; the transport warns about it at start.
#pragma warning disable CA5359
        if (options.AcceptAnyCertificate)
            _client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        await _client.ConnectAsync(options.Host, options.Port, Socket(options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
            await _client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        SmtpLog.Connected(logger, options.Host, options.Port);
    }

    private async Task DropConnectionAsync()
    {
        try { await _client.DisconnectAsync(quit: false); }
        catch (Exception e) when (SmtpFailures.IsSendFailure(e)) { SmtpLog.CloseFailed(logger, e); }
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown Mail:Smtp:Security"),
    };

    private static string Reason(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Transient t => t.Reason,
        SendOutcome.Permanent p => p.Reason,
        _ => outcome.ToString(),
    };
}
