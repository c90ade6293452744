namespace Proposals.Domain.Calendar;

/// <summary>
/// What is known of a year before the State Council publishes its schedule (按放假办法推算): the
/// statutory holidays of the national regulation (全国年节及纪念日放假办法, revised 2024) and their
/// weekend make-up days (补假). The declared working weekend days (调休上班) and the bridge days
/// that lengthen the Spring Festival and National Day breaks wait for the notice.
/// </summary>
public static class RegulationEstimate
{
    /// <summary>The first year estimated: the revised regulation is in force from 2025 (除夕 a holiday, 劳动节 2 days).</summary>
    public const int FirstYear = 2025;

    /// <summary>Appended to the holiday name of a make-up day: "劳动节 (补假)".</summary>
    public const string MakeUpMark = " (补假)";

    /// <summary>The estimate's <see cref="YearSchedule.Source"/>.</summary>
    public const string Source =
        "按放假办法推算: 《全国年节及纪念日放假办法》(2024年修订) 的法定节假日及周末补假, 调休上班日待国务院公布 " +
        "(estimated from the national regulation: statutory holidays and weekend make-up days; working weekend days unknown)";

    /// <summary>The last year estimated: the last whose lunar year .NET's Chinese calendar covers (2100).</summary>
    public static int LastYear => LunarDate.LastYear;

    /// <summary>Whether <paramref name="year"/> can be estimated: from 2025 (the revised regulation) to <see cref="LastYear"/>.</summary>
    public static bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>The estimated days off of <paramref name="year"/>: statutory days, then make-up days marked <see cref="MakeUpMark"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not <see cref="Covers">covered</see>.</exception>
    public static YearSchedule For(int year)
    {
        if (!Covers(year)) throw new ArgumentOutOfRangeException(nameof(year), year, $"Only the years {FirstYear} to {LastYear} can be estimated from the regulation.");
        var statutory = StatutoryHolidays.Of(year);
        var days = new SortedDictionary<DateOnly, ScheduledDay>();
        foreach (var (date, name) in statutory) days[date] = new ScheduledDay(DayKind.Holiday, name);
        foreach (var (date, name) in MakeUpDays.For(statutory)) days[date] = new ScheduledDay(DayKind.Holiday, name + MakeUpMark);
        return new YearSchedule(year, days, Source);
    }
}
