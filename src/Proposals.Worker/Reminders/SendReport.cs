namespace Proposals.Worker.Reminders;

/// <summary>What became of one claimed reminder.</summary>
/// <param name="Id">The reminder's row id.</param>
/// <param name="Result">Sent, still owed, failed, cancelled, superseded, not yet due, the way out unavailable, or uncertain.</param>
/// <param name="Detail">The server's reply or the reason.</param>
/// <param name="What">The line the coordinator reads: item, division, stage, recipients.</param>
internal sealed record SendReport(long Id, SendResult Result, string Detail, string What = "");

/// <summary>The end of one attempt at a reminder.</summary>
internal enum SendResult
{
    /// <summary>Accepted by the mail server.</summary>
    Sent,

    /// <summary>Not taken for now; owed again at its next attempt time.</summary>
    StillOwed,

    /// <summary>Refused for good, or out of attempts; the reason is recorded.</summary>
    Failed,

    /// <summary>No longer owed (answered, returned, reassigned).</summary>
    Cancelled,

    /// <summary>A newer stage is owed today; that one was recorded in its place.</summary>
    Superseded,

    /// <summary>Its day has not come (recorded by a sweep run as of a later day); it waits for it.</summary>
    NotYet,

    /// <summary>The mail server could not be used at all; given back untried, not counted.</summary>
    Unavailable,

    /// <summary>Sent whole, but the server's reply never came: it may have been delivered; not sent again by itself.</summary>
    Uncertain,
}
