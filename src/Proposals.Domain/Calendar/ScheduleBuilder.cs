namespace Proposals.Domain.Calendar;

/// <summary>
/// Collects the listed days of one year's schedule while a file is read, and refuses the
/// mistakes a person editing a calendar file makes: a date far from its year, a date listed
/// twice, a "working weekend day" that is not a weekend day.
/// </summary>
internal sealed class ScheduleBuilder
{
    private readonly string _sourceName;
    private readonly SortedDictionary<DateOnly, ScheduledDay> _days = new();

    public ScheduleBuilder(int year, string sourceName)
    {
        Year = year;
        _sourceName = sourceName;
    }

    public int Year { get; }

    public bool IsEmpty => _days.Count == 0;

    /// <summary>
    /// The dates a year's schedule may list: its own year, and the December before, because
    /// the New Year holiday (元旦) and its working weekend day can fall in late December.
    /// </summary>
    public DateOnly First => new(Year - 1, 12, 1);

    /// <inheritdoc cref="First"/>
    public DateOnly Last => new(Year, 12, 31);

    public void Add(DateOnly date, DayKind kind, string name, string location)
    {
        if (date < First || date > Last)
        {
            throw Error(location, $"{Iso(date)} is outside the {Year} schedule, which may list dates from {Iso(First)} to {Iso(Last)}");
        }
        if (kind == DayKind.WorkingWeekend && !IsWeekend(date))
        {
            throw Error(location, $"{Iso(date)} is a {date.DayOfWeek}, a working day anyway; only a Saturday or Sunday can be declared a working day (调休上班)");
        }
        if (_days.TryGetValue(date, out var earlier))
        {
            throw Error(location, $"{Iso(date)} is listed twice in {Year}: already as {Describe(earlier)}");
        }
        _days[date] = new ScheduledDay(kind, name);
    }

    public YearSchedule Build(string source) => new(Year, new SortedDictionary<DateOnly, ScheduledDay>(_days), source);

    public CalendarFileException Error(string location, string reason) => new(_sourceName, location, reason);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    internal static string Describe(ScheduledDay day) => day.Kind switch
    {
        DayKind.Holiday => $"a day off of {day.Name}",
        DayKind.WorkingWeekend => $"a working day of {day.Name}",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day.Kind, null),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
