using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Storage;

/// <summary>
/// One row of the reminder record, keyed by (item, division, stage, due date): what a sweep decided,
/// and what became of it. The record is the senders' only queue.
/// </summary>
/// <param name="Id">The row id.</param>
/// <param name="ItemId">The item reminded about.</param>
/// <param name="Division">The division reminded.</param>
/// <param name="Role">Lead or co-division.</param>
/// <param name="Round">First reply or re-handling.</param>
/// <param name="Stage">The stage.</param>
/// <param name="DueOn">The due date the stage counts against.</param>
/// <param name="PlannedOn">The working day the stage falls on.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">How many sends of it failed.</param>
/// <param name="NextAttemptAt">Owed: when to try next; sending: when the sender's lease lapses; failed: when it failed.</param>
/// <param name="LeaseOwner">Who holds or last held it.</param>
/// <param name="LastError">The last failure, in the server's or the system's words.</param>
/// <param name="To">The address it went (or goes) to.</param>
/// <param name="Cc">The copied addresses, comma-separated.</param>
/// <param name="MessageId">The Message-ID it was sent with.</param>
/// <param name="CreatedAt">When a sweep recorded it.</param>
/// <param name="SentAt">When the server accepted it.</param>
public sealed record ReminderRecord(
    long Id, long ItemId, string Division, ReminderRole Role, HandlingRound Round, ReminderStage Stage, DateOnly DueOn,
    DateOnly PlannedOn, ReminderState State, int Attempts, DateTimeOffset NextAttemptAt, string? LeaseOwner,
    string? LastError, string? To, string? Cc, string? MessageId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    /// <summary>For an overdue row, the n-th overdue notice the division receives for the item and round; null otherwise (and for rows recorded before notices were counted).</summary>
    public int? Notice { get; init; }

    /// <summary>The working day of the division's morning email that carried the row; null when it went alone.</summary>
    public DateOnly? EmailOn { get; init; }
}

/// <summary>A recorded row, all a sweep needs to know of it: the plan's memory (<see cref="ReminderHistory"/>).</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Division">The division.</param>
/// <param name="DueOn">The due date.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Round">The round's code.</param>
/// <param name="State">The state's code.</param>
public sealed record RecordedStage(long ItemId, string Division, DateOnly DueOn, ReminderStage Stage, string Round, string State)
{
    /// <summary>The row as the plan reads it: a failed or cancelled notice never reached the division.</summary>
    public RecordedNotice Notice => new(Division, HandlingRounds.Parse(Round), DueOn, Stage,
        ReminderStates.Parse(State) is not (ReminderState.Failed or ReminderState.Cancelled or ReminderState.Superseded));
}

/// <summary>A reminder a sweep (or a sender that found a newer stage owed) decided: owed from now.</summary>
/// <param name="ItemId">The item's database id.</param>
/// <param name="Division">The division reminded.</param>
/// <param name="Role">Lead or co-division.</param>
/// <param name="Round">First reply or re-handling.</param>
/// <param name="Stage">The stage.</param>
/// <param name="DueOn">The due date the stage counts against.</param>
/// <param name="PlannedOn">The working day the stage falls on.</param>
public sealed record DecidedReminder(long ItemId, string Division, ReminderRole Role, HandlingRound Round, ReminderStage Stage, DateOnly DueOn, DateOnly PlannedOn)
{
    /// <summary>For an overdue stage, the n-th overdue notice the division will receive; null otherwise.</summary>
    public int? Notice { get; init; }

    /// <summary>The decision for an owed reminder of item <paramref name="itemId"/>.</summary>
    public static DecidedReminder Of(long itemId, OwedReminder owed)
    {
        ArgumentNullException.ThrowIfNull(owed);
        return new(itemId, owed.Division, owed.Role, owed.Round, owed.Stage.Stage, owed.DueOn, owed.Stage.PlannedOn)
        {
            Notice = owed.Notice > 0 ? owed.Notice : null,
        };
    }
}

/// <summary>
/// What one sender claimed as one email: with Reminders:Grouping division, every due row of one
/// division (never split between senders); with item, one row.
/// </summary>
/// <param name="Division">The division the email is for.</param>
/// <param name="Rows">The rows, as claimed.</param>
public sealed record ClaimedEmail(string Division, IReadOnlyList<ClaimedReminder> Rows)
{
    /// <summary>The sender's lease on the rows.</summary>
    public Lease Lease => Rows[0].Lease;
}

/// <summary>A reminder a sender holds, with whether an earlier sender's lease on it had lapsed.</summary>
/// <param name="Record">The row as claimed.</param>
/// <param name="Lease">The sender's lease.</param>
/// <param name="Reclaimed">True when the row was stuck in sending: its earlier send may have been accepted, so this one may be a duplicate.</param>
/// <param name="PreviousSender">Who held it before (the sender that died, when <paramref name="Reclaimed"/>).</param>
public sealed record ClaimedReminder(ReminderRecord Record, Lease Lease, bool Reclaimed, string? PreviousSender = null);

/// <summary>The reminders that failed for good, for the readiness check.</summary>
/// <param name="Total">How many in all.</param>
/// <param name="Recent">How many since the time asked about.</param>
/// <param name="Latest">The one that failed last; null when none did.</param>
public sealed record ReminderFailures(long Total, long Recent, ReminderRecord? Latest);
