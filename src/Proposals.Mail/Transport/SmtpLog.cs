using Microsoft.Extensions.Logging;

namespace Proposals.Mail;

/// <summary>What the SMTP transport writes to the log.</summary>
internal static partial class SmtpLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot use SMTP server {Host}:{Port}")]
    public static partial void CannotConnect(ILogger logger, Exception exception, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP did not take message {MessageId}: {Outcome}")]
    public static partial void NotTaken(ILogger logger, string? messageId, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connected to SMTP server {Host}:{Port}")]
    public static partial void Connected(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the SMTP connection failed")]
    public static partial void CloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail:Smtp:AcceptAnyCertificate is on: the certificate of {Host} is not checked")]
    public static partial void AnyCertificate(ILogger logger, string host);
}
