namespace Proposals.Domain.Reminders;

/// <summary>
/// One planned reminder (催办) for a due date: "before-15", "before-7", "before-3", "before-1",
/// "due", then "overdue-1", "overdue-2" ... The code is stable for a policy and a due date, so
/// (item, division, code, due date) keys the record of what was sent.
/// </summary>
/// <param name="Code">The stage's code, as stored in the record of reminders sent.</param>
/// <param name="PlannedOn">The working day the stage falls on.</param>
/// <param name="IsOverdue">Whether the stage comes after the due date (督办).</param>
/// <param name="DaysLeft">Calendar days from <paramref name="PlannedOn"/> to the due date; negative when overdue.</param>
public readonly record struct ReminderStage(string Code, DateOnly PlannedOn, bool IsOverdue, int DaysLeft);
