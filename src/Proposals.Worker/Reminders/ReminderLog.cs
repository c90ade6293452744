using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Reminders;

/// <summary>What the sweep and the reminder senders write to the log.</summary>
internal static partial class ReminderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Now} is outside working hours on working days: no reminders until {Next}.")]
    public static partial void OutsideHours(ILogger logger, string now, string next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Today}: {Candidates} items looked at, {Owed} reminders owed ({Recorded} newly recorded, {Skipped} older stages skipped).")]
    public static partial void Swept(ILogger logger, string today, int candidates, int owed, int recorded, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail cannot leave: {Count} reminders given back untried, still owed: {Reason}")]
    public static partial void Unavailable(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "邮件无法发出, 催办暂停, 恢复后自动补发 (mail cannot leave; reminders wait and go out once it can): {Reason}")]
    public static partial void MailDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "邮件恢复发送 (mail flows again).")]
    public static partial void MailBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A drain of the reminder record failed; the next round tries again.")]
    public static partial void DrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reminder(s) held by {Sender} were left in sending when its lease ran out (ids {Ids}); sending them again. At most the one it was sending when it stopped may arrive twice (same Message-ID).")]
    public static partial void Reclaimed(ILogger logger, int count, string? sender, string ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "催办 {Ids} 发给 {Division} 结果不明, 不再自动重发, 请在催办记录中重发或忽略 (reminders {Ids} to {Division} have an unknown outcome; they are not sent again by themselves: resend or dismiss them in 催办记录): {Reason}")]
    public static partial void Uncertain(ILogger logger, string ids, string division, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "综合处 (coordinator): {Line}")]
    public static partial void ToCoordinator(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason}")]
    public static partial void SchemaChanged(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders {Ids} were sent (Message-ID {MessageId}) but the lease on some had passed to another sender: they may arrive twice.")]
    public static partial void SentAfterLapse(ILogger logger, string ids, string? messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders {Ids} to {Division} refused for good: {Reason}")]
    public static partial void Refused(ILogger logger, string ids, string division, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders {Ids} to {Division} not sent, stay owed: {Reason}")]
    public static partial void StillOwed(ILogger logger, string ids, string division, string reason);
}
