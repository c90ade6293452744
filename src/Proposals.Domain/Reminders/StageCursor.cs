using Proposals.Domain.Calendar;

namespace Proposals.Domain.Reminders;

/// <summary>
/// Walks the planned stages of one due date in date order without allocating: the before-stages (largest
/// day count first), the due-date stage, then the overdue stages, without end unless the policy
/// caps them. Callers stop when a stage lies beyond the dates they care about.
/// </summary>
/// <remarks>
/// A before-stage on a day off moves to the working day before it, so two stages can land on
/// the same day (2019-10-08 due: before-7, before-3 and before-1 all move to 2019-09-30). Only
/// the one closer to the due date is kept; it, not the dropped ones, is what gets stored.
/// Moving backwards keeps the dates in order, so comparing each stage with the next is enough.
/// </remarks>
internal struct StageCursor
{
    private readonly DateOnly _dueOn;
    private readonly WorkingCalendar _calendar;
    private readonly ReminderPolicy _policy;
    private readonly int _leadUpCount; // before-stages plus the due-date stage
    private int _index;
    private int _overdueNumber;
    private DateOnly _lastOverdueOn;

    public StageCursor(DateOnly dueOn, WorkingCalendar calendar, ReminderPolicy policy)
    {
        _dueOn = dueOn;
        _calendar = calendar;
        _policy = policy;
        _leadUpCount = policy.BeforeStages.Length + (policy.RemindOnDueDate ? 1 : 0);
        _index = 0;
        _overdueNumber = 0;
        _lastOverdueOn = dueOn;
    }

    /// <summary>Moves to the next stage; false when the policy plans no more.</summary>
    public bool MoveNext(out PlannedStage stage)
    {
        while (_index < _leadUpCount)
        {
            var i = _index++;
            var on = LeadUpDate(i);
            if (_index < _leadUpCount && LeadUpDate(_index) == on) continue;
            stage = new PlannedStage(LeadUpStage(i), on, _dueOn);
            return true;
        }

        if (_policy.MaxOverdueStages is { } max && _overdueNumber >= max)
        {
            stage = default;
            return false;
        }
        // overdue-1 is the first working day after the due date; each next one counts on from the last.
        _lastOverdueOn = _calendar.AddWorkingDays(_lastOverdueOn, _overdueNumber == 0 ? 1 : _policy.OverdueEveryWorkingDays);
        _overdueNumber++;
        stage = new PlannedStage(ReminderStage.Overdue(_overdueNumber), _lastOverdueOn, _dueOn);
        return true;
    }

    private readonly DateOnly LeadUpDate(int i) =>
        _calendar.OnOrBefore(i < _policy.BeforeStages.Length ? _dueOn.AddDays(-_policy.DaysBefore[i]) : _dueOn);

    private readonly ReminderStage LeadUpStage(int i) =>
        i < _policy.BeforeStages.Length ? _policy.BeforeStages[i] : ReminderStage.Due;
}
