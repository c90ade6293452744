using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

/// <summary>
/// The reminder plan (催办计划): which stages a due date has, and which one a division is owed on
/// a given day. Pure: the caller supplies the calendar, the policy and the stage codes already
/// recorded; the database only remembers what was sent.
/// </summary>
public static partial class ReminderPlan
{
    /// <summary>
    /// Every stage of <paramref name="dueOn"/> planned in [<paramref name="from"/>, <paramref name="through"/>], in date order.
    /// </summary>
    /// <remarks>
    /// Pass the assignment date (交办日期) as <paramref name="from"/>: a stage planned before the
    /// bureau had the item was never owed, so it is neither sent nor counted as superseded. A stage
    /// planned on the assignment day itself is owed: an item that arrives 3 days before its due
    /// date is reminded of it that day. Stages are planned over the whole policy first and only
    /// then cut to the window, so a stage keeps its code whatever window is asked for. Without a
    /// cap (<see cref="ReminderPolicy.MaxOverdueStages"/>) overdue stages never end: give a real
    /// <paramref name="through"/> before materializing the sequence.
    /// </remarks>
    public static IEnumerable<ReminderStage> Stages(
        DateOnly dueOn, DateOnly from, DateOnly through, WorkingCalendar calendar, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        return Walk(dueOn, from, through, calendar, policy);
    }

    /// <summary>The due date a role's reminders count against: the reply due date in force for the lead, the input date for co-divisions.</summary>
    public static DateOnly DueOnFor(Item item, ReminderRole role)
    {
        ArgumentNullException.ThrowIfNull(item);
        return role == ReminderRole.Lead ? item.EffectiveDueOn : item.CoInputDueOn;
    }

    /// <summary>
    /// The first stage planned after <paramref name="today"/> for the role's due date ("next
    /// reminder"); null when the item is returned, replied by <paramref name="today"/>, or the policy plans no more.
    /// </summary>
    public static ReminderStage? NextStage(
        Item item, ReminderRole role, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        if (item.IsReturned || item.IsRepliedBy(today)) return null;
        var cursor = new StageCursor(DueOnFor(item, role), calendar, policy);
        while (cursor.MoveNext(out var stage))
        {
            if (stage.PlannedOn > today && stage.PlannedOn >= item.AssignedOn) return stage;
        }
        return null;
    }

    /// <summary>
    /// How many days ahead of today a due date can lie and still owe a reminder today: the largest
    /// of <see cref="ReminderPolicy.DaysBefore"/> plus the longest run of days off in
    /// <paramref name="calendar"/> (a stage on a day off moves back across the whole run; 10 days
    /// for the 2020 Spring Festival as extended, up to 6 in a year estimated from the regulation,
    /// 2 where only weekends are known).
    /// </summary>
    /// <remarks>
    /// The sweep's candidates, in SQL terms: items not returned, with no reply on or before today,
    /// and whose lead due date in force or (with co-divisions) input date is on or before
    /// today + horizon. Overdue items stay candidates until answered.
    /// </remarks>
    public static int CandidateHorizon(ReminderPolicy policy, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return policy.MaxDaysBefore + LongestDaysOff(calendar);
    }

    private static IEnumerable<ReminderStage> Walk(
        DateOnly dueOn, DateOnly from, DateOnly through, WorkingCalendar calendar, ReminderPolicy policy)
    {
        var cursor = new StageCursor(dueOn, calendar, policy);
        while (cursor.MoveNext(out var stage) && stage.PlannedOn <= through)
        {
            if (stage.PlannedOn >= from) yield return stage;
        }
    }

    private static int LongestDaysOff(WorkingCalendar calendar)
    {
        var longest = 2; // a plain weekend, all that is known of a year before 2025 without a schedule
        // Estimated years have runs of their own (2027: Feb 5-10, 6 days), and a run can join an
        // estimated year to a published one across New Year, so every year that is not weekends
        // only is walked, through the calendar, as it will be counted.
        var estimated = Enumerable.Range(RegulationEstimate.FirstYear, RegulationEstimate.LastYear - RegulationEstimate.FirstYear + 1)
            .Where(y => calendar.KnowledgeOf(y) == YearKnowledge.Estimated);
        foreach (var year in calendar.ScheduledYears.Concat(estimated))
        {
            // A run can cross New Year (2018-12-30 to 2019-01-01), so look a little past each end.
            var run = 0;
            for (var d = new DateOnly(year, 1, 1).AddDays(-31); d <= new DateOnly(year, 12, 31).AddDays(31); d = d.AddDays(1))
            {
                run = calendar.IsWorkingDay(d) ? 0 : run + 1;
                longest = Math.Max(longest, run);
            }
        }
        return longest;
    }
}
