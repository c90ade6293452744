namespace Proposals.Domain.Reminders;

/// <summary>The life of one recorded reminder.</summary>
public enum ReminderState
{
    /// <summary>Decided by a sweep, not yet sent; tried again at its next attempt time.</summary>
    Owed,

    /// <summary>Held by a sender under a lease; the SMTP conversation may be under way.</summary>
    Sending,

    /// <summary>Accepted by the mail server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>A newer stage of the same due date became owed before this one went out; never sent.</summary>
    Superseded,

    /// <summary>Refused for good, or tried the most times allowed; the last error is kept.</summary>
    Failed,

    /// <summary>No longer owed when its turn came (answered, returned, extended, given to another division).</summary>
    Cancelled,

    /// <summary>
    /// The whole message went to the server but its answer never came (the connection lost after the
    /// data, or Mail:Smtp:DataTimeoutSeconds passed): it may have been delivered. Never sent again by
    /// itself; the coordinator resends or dismisses it.
    /// </summary>
    Uncertain,

    /// <summary>An uncertain or failed reminder the coordinator settled without sending it again (e.g. it did arrive).</summary>
    Dismissed,
}

/// <summary>Codes and words of <see cref="ReminderState"/>.</summary>
public static class ReminderStates
{
    /// <summary>The stored and JSON code: owed, sending, sent, superseded, failed, cancelled, uncertain, dismissed.</summary>
    public static string Code(this ReminderState state) => state switch
    {
        ReminderState.Owed => "owed",
        ReminderState.Sending => "sending",
        ReminderState.Sent => "sent",
        ReminderState.Superseded => "superseded",
        ReminderState.Failed => "failed",
        ReminderState.Cancelled => "cancelled",
        ReminderState.Uncertain => "uncertain",
        ReminderState.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The Chinese word: 待发送, 发送中, 已发送, 已被取代, 发送失败, 已取消, 结果不明, 已忽略.</summary>
    public static string ChineseName(this ReminderState state) => state switch
    {
        ReminderState.Owed => "待发送",
        ReminderState.Sending => "发送中",
        ReminderState.Sent => "已发送",
        ReminderState.Superseded => "已被取代",
        ReminderState.Failed => "发送失败",
        ReminderState.Cancelled => "已取消",
        ReminderState.Uncertain => "结果不明",
        ReminderState.Dismissed => "已忽略",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Every code, in the order of the enum, for command-line choices and help.</summary>
    public static IReadOnlyList<string> Codes => Enum.GetValues<ReminderState>().Select(Code).ToArray();

    /// <summary>Reads a code written by <see cref="Code"/>; null when it is none.</summary>
    public static ReminderState? Parse(string? code) => code switch
    {
        "owed" => ReminderState.Owed,
        "sending" => ReminderState.Sending,
        "sent" => ReminderState.Sent,
        "superseded" => ReminderState.Superseded,
        "failed" => ReminderState.Failed,
        "cancelled" => ReminderState.Cancelled,
        "uncertain" => ReminderState.Uncertain,
        "dismissed" => ReminderState.Dismissed,
        _ => null,
    };
}
