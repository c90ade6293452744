namespace Proposals.Storage;

/// <summary>
/// One row of the reminder record, keyed by (item, division, stage, due date).
/// </summary>
public sealed record ReminderRecord
{
    /// <summary>The row id.</summary>
    public long Id { get; init; }
    /// <summary>The item reminded about.</summary>
    public long ItemId { get; init; }
    /// <summary>The division reminded.</summary>
    public string Division { get; init; } = "";
    /// <summary>lead or co.</summary>
    public string Role { get; init; } = "";
    /// <summary>The stage code.</summary>
    public string Stage { get; init; } = "";
    /// <summary>The due date the stage counts against.</summary>
    public string DueOn { get; init; } = "";
    /// <summary>The working day the stage falls on.</summary>
    public string PlannedOn { get; init; } = "";
    /// <summary>owed, sending, sent, superseded, failed or cancelled.</summary>
    public string State { get; init; } = "";
    /// <summary>Where it went: "to; cc ...".</summary>
    public string? Recipients { get; init; }
    /// <summary>The Message-ID it was sent with.</summary>
    public string? MessageId { get; init; }
    /// <summary>How many times a sender claimed it.</summary>
    public long Attempts { get; init; }
    /// <summary>The last failure, in the server's words.</summary>
    public string? LastError { get; init; }
    /// <summary>When it was last claimed.</summary>
    public string? ClaimedAt { get; init; }
    /// <summary>Who claimed it last.</summary>
    public string? ClaimedBy { get; init; }
    /// <summary>When the server accepted it.</summary>
    public string? SentAt { get; init; }

    internal const string Columns =
        "id AS Id, item_id AS ItemId, division AS Division, role AS Role, stage AS Stage, due_on AS DueOn, " +
        "planned_on AS PlannedOn, state AS State, recipients AS Recipients, message_id AS MessageId, attempts AS Attempts, " +
        "last_error AS LastError, claimed_at AS ClaimedAt, claimed_by AS ClaimedBy, sent_at AS SentAt";
}

/// <summary>The key of a recorded reminder, all a sweep needs to know of it.</summary>
public sealed record RecordedStage(long ItemId, string Division, string Stage, string DueOn);

/// <summary>A reminder a sweep decided: owed now, or superseded by a newer stage decided at the same time.</summary>
/// <param name="ItemId">The item's database id.</param>
/// <param name="Division">The division reminded.</param>
/// <param name="Role">lead or co.</param>
/// <param name="Stage">The stage code (before-15 ... due, overdue-1 ...).</param>
/// <param name="DueOn">The due date the stage counts against (the extended one where extended).</param>
/// <param name="PlannedOn">The working day the stage falls on.</param>
/// <param name="State"><see cref="ReminderState.Owed"/> or <see cref="ReminderState.Superseded"/>.</param>
public sealed record DecidedReminder(long ItemId, string Division, string Role, string Stage, DateOnly DueOn, DateOnly PlannedOn, string State);

/// <summary>A reminder a sender has claimed, with whether an earlier claim on it had lapsed.</summary>
/// <param name="Record">The row as claimed.</param>
/// <param name="Reclaimed">True when the row was stuck in sending: its earlier send may have been accepted, so this one may be a duplicate.</param>
/// <param name="PreviousSender">Who held the claim before this one (the sender that died, when <paramref name="Reclaimed"/>).</param>
public sealed record ClaimedReminder(ReminderRecord Record, bool Reclaimed, string? PreviousSender = null);
