namespace Proposals.Domain.Reminders;

/// <summary>A stage on the day it is planned, for one due date.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="PlannedOn">The working day it falls on.</param>
/// <param name="DueOn">The due date it counts against.</param>
public readonly record struct PlannedStage(ReminderStage Stage, DateOnly PlannedOn, DateOnly DueOn)
{
    /// <summary>The stage's code (before-15, due, overdue-1 ...).</summary>
    public string Code => Stage.Code;

    /// <summary>Whether the stage comes after the due date (督办).</summary>
    public bool IsOverdue => Stage.IsOverdue;

    /// <summary>Calendar days from <see cref="PlannedOn"/> to the due date; negative when overdue.</summary>
    public int DaysLeft => DueOn.DayNumber - PlannedOn.DayNumber;
}
