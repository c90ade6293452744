using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

/// <summary>
/// The one reminder a sweep owes a division for an item today: the latest stage due and not yet
/// recorded, with the older unrecorded stages it replaces.
/// </summary>
/// <param name="Item">The item reminded about.</param>
/// <param name="Division">The division to remind.</param>
/// <param name="Role">Lead or co-division.</param>
/// <param name="DueOn">The due date the stage counts against; part of the record's key.</param>
/// <param name="Stage">The stage to send and record.</param>
/// <param name="Superseded">
/// Codes of older stages, owed but never recorded, that this one replaces (after a holiday, a late
/// import or a stopped worker). The caller may record them as superseded; they are never sent.
/// </param>
/// <param name="CopyHead">
/// Whether the division head should be copied (overdue). The head may be unknown
/// (<see cref="Division.HeadEmail"/> null): the flag says "should", the caller skips when unknown.
/// </param>
/// <param name="CopyCoordinator">Whether the coordinator (综合处) should be copied.</param>
/// <param name="DaysLeft">Calendar days from the sweep's day to <paramref name="DueOn"/>; negative when overdue.</param>
public sealed record OwedReminder(
    ItemKey Item,
    string Division,
    ReminderRole Role,
    DateOnly DueOn,
    ReminderStage Stage,
    IReadOnlyList<string> Superseded,
    bool CopyHead,
    bool CopyCoordinator,
    int DaysLeft);
