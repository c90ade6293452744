using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Sweep;

/// <summary>What the sweep and the reminder senders write to the log.</summary>
internal static partial class ReminderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Now} is outside working hours on working days: no reminders until {Next}.")]
    public static partial void OutsideHours(ILogger logger, string now, string next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Today}: {Candidates} items looked at, {Owed} reminders owed, {Superseded} older stages superseded, {Pending} emails queued.")]
    public static partial void Swept(ILogger logger, string today, int candidates, int owed, int superseded, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reminders had no send job left (lapsed claim or retries used up): queued again.")]
    public static partial void Requeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id} ({Stage} for {Division}) was stuck in sending after {Sender}; sending again. If that sender's message was accepted, this one is a duplicate with the same Message-ID.")]
    public static partial void Reclaimed(ILogger logger, long id, string stage, string division, string? sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id} was sent (Message-ID {MessageId}) but its claim had passed to another sender: it may arrive twice.")]
    public static partial void SentAfterLapse(ILogger logger, long id, string? messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Id} to {Division} refused for good: {Reason}")]
    public static partial void Refused(ILogger logger, long id, string division, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id} to {Division} not sent, stays owed: {Reason}")]
    public static partial void StillOwed(ILogger logger, long id, string division, string reason);
}
