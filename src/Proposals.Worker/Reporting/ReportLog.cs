using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Reporting;

/// <summary>What the scheduled rate reports write to the log.</summary>
internal static partial class ReportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Period} is not due at {Now} (due from {DueOn} {SendAt} until the month ends).")]
    public static partial void NotDue(ILogger logger, string period, string now, string dueOn, string sendAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Period}: {Detail}")]
    public static partial void AlreadyDone(ILogger logger, string period, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Period} was sent but its claim had lapsed to another process: it may arrive twice (same Message-ID).")]
    public static partial void SentAfterLapse(ILogger logger, string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Period} sent: {Detail}")]
    public static partial void Sent(ILogger logger, string period, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Period} not sent, will be retried: {Reason}")]
    public static partial void StillOwed(ILogger logger, string period, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {Period} refused by the mail server: {Reason}")]
    public static partial void Refused(ILogger logger, string period, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate reports from the first working day of each month (yearly: of January) at {At} {Zone}, to {Coordinator}, files in {Directory}")]
    public static partial void Scheduled(ILogger logger, string at, string zone, string coordinator, string directory);
}
