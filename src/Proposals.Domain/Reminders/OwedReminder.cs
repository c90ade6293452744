using System.Globalization;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

/// <summary>
/// The one reminder a division is owed for an item today: the latest stage planned on or before today
/// and not settled by a recorded one, with everything the message needs to say and whom it copies.
/// </summary>
/// <param name="Item">The item reminded about.</param>
/// <param name="Division">The division to remind.</param>
/// <param name="Role">Lead or co-division.</param>
/// <param name="Round">The first reply, or the second after 不满意 (重新办理).</param>
/// <param name="Stage">The stage, the day it was planned and the due date it counts against (part of the record's key).</param>
/// <param name="Skipped">Older stages of the same due date never recorded (a holiday, a late import, a stopped worker); never sent.</param>
/// <param name="Copies">Who is copied besides the division; an unknown address is skipped by the caller.</param>
/// <param name="Supervision">Whether the reminder is supervision (督办): overdue, or a key item's due date.</param>
/// <param name="DaysLeft">Calendar days from the sweep's day to the due date; negative when overdue.</param>
public sealed record OwedReminder(
    ItemKey Item,
    string Division,
    ReminderRole Role,
    HandlingRound Round,
    PlannedStage Stage,
    int Skipped,
    ReminderCopies Copies,
    bool Supervision,
    int DaysLeft)
{
    /// <summary>The due date the stage counts against.</summary>
    public DateOnly DueOn => Stage.DueOn;

    /// <summary>
    /// Whether the reminder is a notice after the due date (督办): what the email counts as overdue and lists
    /// first. A 签收 line or a word that a co-division's input is late is not, though its date has passed.
    /// </summary>
    public bool IsOverdue => Stage.IsOverdue;

    /// <summary>
    /// For an overdue stage, the n-th overdue notice this division receives for the item and round
    /// (what it actually got, whatever the planned stage); 0 for other stages.
    /// </summary>
    public int Notice { get; init; }

    /// <summary>For <see cref="StageKind.CoInputLate"/>: the co-divisions whose input is late.</summary>
    public IReadOnlyList<string> LateCoDivisions { get; init; } = [];

    /// <summary>What the division reads: 第1次督办 for the first overdue notice it gets, else the stage's name.</summary>
    public string StageName => Stage.Stage.Kind == StageKind.Overdue && Notice > 0
        ? $"第{Notice.ToString(CultureInfo.InvariantCulture)}次督办"
        : Stage.Stage.ChineseName;
}
