namespace Proposals.Domain.Calendar;

/// <summary>One day a year's calendar names: a day off or a working weekend day, and whether the regulation's estimate gave it.</summary>
/// <param name="Date">The day.</param>
/// <param name="Day">Off or working, and the holiday's name.</param>
/// <param name="Estimated">True when no schedule is loaded for the year and the day comes from the regulation.</param>
public sealed record NamedDay(DateOnly Date, ScheduledDay Day, bool Estimated)
{
    /// <summary>The weekday in one Chinese character: 一 … 日.</summary>
    public string Weekday => "一二三四五六日".Substring(((int)Date.DayOfWeek + 6) % 7, 1);

    /// <summary>放假 or 上班, with 按放假办法推算 for an estimated day.</summary>
    public string Arrangement => Day.Kind switch
    {
        DayKind.Holiday => "放假",
        DayKind.WorkingWeekend => "上班",
        _ => throw new ArgumentOutOfRangeException(nameof(Day), Day.Kind, null),
    } + (Estimated ? " (按放假办法推算)" : "");
}

/// <summary>The days of a year that are not as the weekday says (days off, working weekend days), as <c>calendar show</c> and the desk list them.</summary>
public static class YearDays
{
    /// <summary>The named days of <paramref name="year"/> in <paramref name="calendar"/>, in order.</summary>
    public static IReadOnlyList<NamedDay> Of(WorkingCalendar calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        // Days the calendar has from the estimate, not from a loaded file, are marked as such.
        var estimated = calendar.KnowledgeOf(year) == YearKnowledge.Estimated
            ? RegulationEstimate.For(year).Days
            : new Dictionary<DateOnly, ScheduledDay>();
        var days = new List<NamedDay>();
        // Counted by the day of the year: stepping past 31 December of 9999 has no next day.
        for (var n = 0; n < (DateTime.IsLeapYear(year) ? 366 : 365); n++)
        {
            var d = new DateOnly(year, 1, 1).AddDays(n);
            if (calendar.Describe(d) is { } day) days.Add(new NamedDay(d, day, estimated.GetValueOrDefault(d) == day));
        }
        return days;
    }
}
