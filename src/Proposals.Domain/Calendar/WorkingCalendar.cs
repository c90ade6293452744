using System.Collections.Concurrent;

namespace Proposals.Domain.Calendar;

/// <summary>
/// The working-day calendar of mainland China (工作日): Monday to Friday, minus statutory holidays,
/// plus the weekend days the State Council declares working days.
/// A year without a loaded schedule counts the statutory holidays of the regulation and their
/// make-up days from 2025 (<see cref="RegulationEstimate"/>), weekends only before;
/// <see cref="KnowledgeOf"/> tells callers which, so that they can warn.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, ScheduledDay> _days = new();
    private readonly SortedDictionary<int, YearSchedule> _years = new();
    // Estimated years are worked out when first asked for; send jobs on several threads share a calendar.
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, ScheduledDay>> _estimates = new();

    /// <summary>Builds a calendar from published schedules; a later schedule for the same year replaces the earlier.</summary>
    public WorkingCalendar(IEnumerable<YearSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        foreach (var schedule in schedules) _years[schedule.Year] = schedule;
        // Applied in year order so that a year's own file wins over the December days another
        // year's file lists ahead of it.
        foreach (var schedule in _years.Values.OrderBy(s => s.Year))
        {
            foreach (var (date, day) in schedule.Days)
            {
                if (date.Year == schedule.Year || !_days.ContainsKey(date)) _days[date] = day;
            }
        }
    }

    /// <summary>The years that have a loaded schedule, in order.</summary>
    public IReadOnlyCollection<int> ScheduledYears => _years.Keys;

    /// <summary>The loaded schedules, in year order.</summary>
    public IEnumerable<YearSchedule> Schedules => _years.Values;

    /// <summary>Whether the State Council schedule for <paramref name="year"/> is loaded.</summary>
    public bool HasSchedule(int year) => _years.ContainsKey(year);

    /// <summary>Whether <paramref name="year"/>'s days off are published, estimated from the regulation, or weekends only.</summary>
    public YearKnowledge KnowledgeOf(int year) =>
        HasSchedule(year) ? YearKnowledge.Published
        : RegulationEstimate.Covers(year) ? YearKnowledge.Estimated
        : YearKnowledge.WeekendsOnly;

    /// <summary>Whether people work on <paramref name="date"/>.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_days.TryGetValue(date, out var day)) return day.Kind == DayKind.WorkingWeekend;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        // An estimate only takes weekdays off: the working weekend days are what it cannot know.
        return Estimate(date.Year) is not { } estimate || !estimate.ContainsKey(date);
    }

    /// <summary>
    /// The holiday or working-weekend entry for a date, when a loaded schedule lists it or, in an
    /// <see cref="YearKnowledge.Estimated"/> year, the estimate gives it.
    /// </summary>
    public ScheduledDay? Describe(DateOnly date) =>
        _days.GetValueOrDefault(date) ?? Estimate(date.Year)?.GetValueOrDefault(date);

    /// <summary>The date itself when it is a working day, else the next working day after it.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>The date itself when it is a working day, else the last working day before it.</summary>
    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(-1);
        return date;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="date"/> (the date itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        while (count > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) count--;
        }
        return date;
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) n++;
        }
        return n;
    }

    /// <summary>The years in [<paramref name="from"/>, <paramref name="to"/>] that have no loaded schedule (estimated or weekends only).</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to) =>
        Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !HasSchedule(y)).ToList();

    // A loaded schedule replaces the estimate of its year completely; days another year's file
    // lists ahead of it (late December) are in _days and win over the estimate too.
    private IReadOnlyDictionary<DateOnly, ScheduledDay>? Estimate(int year) =>
        KnowledgeOf(year) == YearKnowledge.Estimated
            ? _estimates.GetOrAdd(year, static y => RegulationEstimate.For(y).Days)
            : null;
}
