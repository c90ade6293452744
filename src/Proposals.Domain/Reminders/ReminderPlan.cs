using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

/// <summary>
/// The reminder plan (催办计划): which stages a due date has, which one a division is owed on a given
/// day, and who is copied. Pure: the caller supplies the calendar, the policy and the latest stage
/// already recorded for each due date; the database only remembers what was decided and sent.
/// </summary>
public static partial class ReminderPlan
{
    /// <summary>
    /// Every stage of <paramref name="dueOn"/> planned in [<paramref name="from"/>, <paramref name="through"/>], in date order.
    /// </summary>
    /// <remarks>
    /// Pass the assignment date (交办日期) as <paramref name="from"/>: a stage planned before the
    /// bureau had the item was never owed. A stage planned on the assignment day itself is owed: an
    /// item that arrives 3 days before its due date is reminded of it that day. Stages are planned
    /// over the whole policy first and only then cut to the window, so a stage is the same whatever
    /// window is asked for. Without a cap (<see cref="ReminderPolicy.MaxOverdueStages"/>) overdue
    /// stages never end: give a real <paramref name="through"/> before materializing the sequence.
    /// </remarks>
    public static IEnumerable<PlannedStage> Stages(
        DateOnly dueOn, DateOnly from, DateOnly through, WorkingCalendar calendar, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        return Walk(dueOn, from, through, calendar, policy);
    }

    /// <summary>
    /// The due date a role's reminders count against on <paramref name="today"/>: for the lead, the
    /// due date of its round (the re-handling date after 不满意); for co-divisions, the input date.
    /// </summary>
    public static DateOnly DueOnFor(Item item, ReminderRole role, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return role switch
        {
            ReminderRole.Lead => item.LeadDueOn(item.RoundOn(today)),
            ReminderRole.CoDivision => item.CoInputDueOn,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    /// <summary>
    /// The first stage planned after <paramref name="today"/> for the role's due date ("next
    /// reminder"); null when the division owes nothing more or the policy plans no more.
    /// </summary>
    public static PlannedStage? NextStage(
        Item item, ReminderRole role, string division, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        if (!Owes(item, role, division, today)) return null;
        foreach (var stage in Walk(DueOnFor(item, role, today), StartOf(item, role, today), DateOnly.MaxValue, calendar, policy))
        {
            if (stage.PlannedOn > today) return stage;
        }
        return null;
    }

    /// <summary>
    /// The stage a division is owed on <paramref name="today"/> for a due date, whatever is recorded:
    /// what a sender checks a recorded reminder against before sending it. Null when nothing is owed.
    /// </summary>
    public static PlannedStage? Current(Item item, ReminderRole role, string division, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        return Owes(item, role, division, today) ? LatestSince(item, role, today, calendar, policy, settled: null).Latest : null;
    }

    /// <summary>
    /// How many days ahead of today a due date can lie and still owe a reminder today: the largest
    /// of <see cref="ReminderPolicy.DaysBefore"/> plus the longest run of days off in
    /// <paramref name="calendar"/> (a stage on a day off moves back across the whole run; 10 days
    /// for the 2020 Spring Festival as extended, up to 6 in a year estimated from the regulation,
    /// 2 where only weekends are known).
    /// </summary>
    /// <remarks>
    /// The sweep's candidates, in SQL terms: items not settled on today (<see cref="Item.SettledOn"/>)
    /// whose earliest due date (<see cref="Item.EarliestDueOn"/>) is on or before today + horizon.
    /// Overdue items stay candidates until answered.
    /// </remarks>
    public static int CandidateHorizon(ReminderPolicy policy, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return policy.MaxDaysBefore + LongestDaysOff(calendar);
    }

    /// <summary>Whether <paramref name="division"/> still owes something in <paramref name="role"/> on <paramref name="today"/>.</summary>
    public static bool Owes(Item item, ReminderRole role, string division, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!Handles(item, role, division) || !item.OwesAnswerOn(today)) return false;
        return role switch
        {
            ReminderRole.Lead => true,
            // Co-divisions feed the first reply: once it is recorded, or their input is, they owe nothing.
            ReminderRole.CoDivision => !item.IsRepliedBy(today) && !item.IsCoInputDeliveredBy(division, today),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    // Stages before the bureau had the item (or, re-handling, before the evaluation) were never owed.
    private static DateOnly StartOf(Item item, ReminderRole role, DateOnly today) => role switch
    {
        ReminderRole.Lead => item.RoundOn(today) switch
        {
            HandlingRound.First => item.AssignedOn,
            HandlingRound.Rehandling => item.EvaluatedOn!.Value,
            var round => throw new ArgumentOutOfRangeException(nameof(item), round, null),
        },
        // A co-division only ever feeds the first reply.
        ReminderRole.CoDivision => item.AssignedOn,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    // A due date's stages in a window, as the one walk (StageCursor) gives them: every question of the
    // plan (what is owed, what comes next, what a window holds) is asked of that walk, so the stages
    // are the same whoever asks.
    private static IEnumerable<PlannedStage> Walk(
        DateOnly dueOn, DateOnly from, DateOnly through, WorkingCalendar calendar, ReminderPolicy policy)
    {
        var cursor = new StageCursor(dueOn, calendar, policy);
        while (cursor.MoveNext(out var stage) && stage.PlannedOn <= through)
        {
            if (stage.PlannedOn >= from) yield return stage;
        }
    }

    // The latest stage planned on or before today for the role's due date, and how many older ones after
    // the settled stage it stands for (never sent: a holiday, a late import, a stopped worker). The
    // cursor itself rather than Walk: this runs for every candidate of every sweep and allocates nothing.
    private static (PlannedStage? Latest, int Skipped) LatestSince(
        Item item, ReminderRole role, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy, ReminderStage? settled)
    {
        var from = StartOf(item, role, today);
        var cursor = new StageCursor(DueOnFor(item, role, today), calendar, policy);
        PlannedStage? latest = null;
        var skipped = 0;
        while (cursor.MoveNext(out var stage) && stage.PlannedOn <= today)
        {
            if (stage.PlannedOn < from) continue;
            if (latest is { } l && (settled is not { } s || l.Stage > s)) skipped++;
            latest = stage;
        }
        return (latest, skipped);
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
