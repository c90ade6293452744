using System.Diagnostics;
using System.Globalization;
using Proposals.Domain.Calendar;

namespace Proposals.Domain.Rates;

/// <summary>Whether a scheduled rate report is a monthly one (月报) or the year's final one (年度).</summary>
public enum ReportPeriodKind
{
    /// <summary>The figures sent on the first working day of a month.</summary>
    Monthly,

    /// <summary>A year's final figures, sent on the first working day of the next January.</summary>
    Annual,
}

/// <summary>
/// One scheduled rate report, named as it is recorded: "2026-11" for November's monthly report,
/// "2025-annual" for the final figures of 2025. Each period is sent once.
/// </summary>
public sealed record ReportPeriod
{
    private ReportPeriod(ReportPeriodKind kind, int year, int month)
    {
        Kind = kind;
        Year = year;
        Month = month;
    }

    /// <summary>Monthly or annual.</summary>
    public ReportPeriodKind Kind { get; }

    /// <summary>The month's year (monthly), or the year reported on (annual).</summary>
    public int Year { get; }

    /// <summary>The month (1-12) of a monthly report; 0 for an annual one.</summary>
    public int Month { get; }

    /// <summary>The name recorded in report_runs and used for the reports folder: "2026-11" or "2025-annual".</summary>
    public string Code => Kind switch
    {
        ReportPeriodKind.Monthly => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        ReportPeriodKind.Annual => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-annual"),
        _ => throw Unknown(Kind),
    };

    /// <summary>
    /// The year whose items the report counts. January's monthly report counts the year before:
    /// on its first working days the new year has no items yet (they are assigned after the
    /// sessions in the first quarter), while last year's late replies are still coming in.
    /// </summary>
    public int FiguresYear => Kind == ReportPeriodKind.Monthly && Month == 1 ? Year - 1 : Year;

    /// <summary>The first day of the month in which the report is sent (the next January for an annual one).</summary>
    public DateOnly SendMonth => Kind switch
    {
        ReportPeriodKind.Monthly => new DateOnly(Year, Month, 1),
        ReportPeriodKind.Annual => new DateOnly(Year + 1, 1, 1),
        _ => throw Unknown(Kind),
    };

    /// <summary>The monthly report of the month <paramref name="day"/> falls in.</summary>
    public static ReportPeriod MonthOf(DateOnly day) => new(ReportPeriodKind.Monthly, day.Year, day.Month);

    /// <summary>The annual report sent in the year <paramref name="day"/> falls in: that of the year before.</summary>
    public static ReportPeriod AnnualSentIn(DateOnly day) => Annual(day.Year - 1);

    /// <summary>The final report of <paramref name="year"/>.</summary>
    public static ReportPeriod Annual(int year) =>
        year is >= 1949 and <= 9998 ? new(ReportPeriodKind.Annual, year, 0) : throw new ArgumentOutOfRangeException(nameof(year), year, "not a reporting year");

    /// <summary>Reads "2026-11" or "2025-annual".</summary>
    /// <exception cref="FormatException">Neither form; the message shows both.</exception>
    public static ReportPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.EndsWith("-annual", StringComparison.OrdinalIgnoreCase) &&
            int.TryParse(t[..^"-annual".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1949 and <= 9998)
        {
            return Annual(year);
        }
        if (DateOnly.TryParseExact(t + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.Year >= 1949)
        {
            return MonthOf(first);
        }
        throw new FormatException($"报告期无效 \"{text}\", 应为月份如 2026-11 或年度如 2025-annual (report period \"{text}\" is neither a month such as 2026-11 nor a year's final report such as 2025-annual)");
    }

    /// <summary>The first working day (第一个工作日) of the send month: the day the report is due.</summary>
    public DateOnly DueOn(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.OnOrAfter(SendMonth);
    }

    /// <summary>
    /// Whether the report is owed at local time <paramref name="now"/>: from <paramref name="sendAt"/> on
    /// its first working day to the end of its send month. A run later in the month (the worker was
    /// down, or someone pressed "Trigger now") still sends it; a run in another month does not.
    /// </summary>
    public bool IsDue(DateTime now, TimeOnly sendAt, WorkingCalendar calendar)
    {
        var today = DateOnly.FromDateTime(now);
        if (today.Year != SendMonth.Year || today.Month != SendMonth.Month) return false;
        var dueOn = DueOn(calendar);
        return today > dueOn || (today == dueOn && TimeOnly.FromDateTime(now) >= sendAt);
    }

    /// <summary>The date the figures describe: the report day for a monthly report, 31 December for an annual one.</summary>
    public DateOnly AsOf(DateOnly reportDay) => Kind switch
    {
        ReportPeriodKind.Monthly => reportDay,
        ReportPeriodKind.Annual => new DateOnly(Year, 12, 31),
        _ => throw Unknown(Kind),
    };

    /// <inheritdoc />
    public override string ToString() => Code;

    // Only MonthOf and Annual make a period, so its kind is always one of the two.
    private static UnreachableException Unknown(ReportPeriodKind kind) => new($"report period kind {kind}");
}
