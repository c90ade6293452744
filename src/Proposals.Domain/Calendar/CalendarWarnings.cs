namespace Proposals.Domain.Calendar;

/// <summary>
/// The warnings owed to users when dates fall in years whose holiday schedule (节假日安排) is
/// not loaded: such years count weekends only, so due dates near a holiday may come out early.
/// Loud on purpose, in Chinese and English, and saying how to fix it.
/// </summary>
public static class CalendarWarnings
{
    /// <summary>The command that loads a year's schedule, as the warnings spell it.</summary>
    public const string ImportCommand = "proposals calendar import FILE";

    /// <summary>The years of <paramref name="dates"/> with no schedule in <paramref name="calendar"/>, in order.</summary>
    public static IReadOnlyList<int> MissingYears(WorkingCalendar calendar, IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(dates);
        return dates.Select(d => d.Year).Distinct().Where(y => !calendar.HasSchedule(y)).Order().ToList();
    }

    /// <summary>The years from <paramref name="from"/> to <paramref name="to"/> with no schedule in <paramref name="calendar"/>.</summary>
    public static IReadOnlyList<int> MissingYears(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, $"The range ends before it starts ({from:yyyy-MM-dd}).");
        return calendar.MissingYears(from, to);
    }

    /// <summary>The warning for <paramref name="dates"/>, or null when every year they touch has a schedule.</summary>
    public static string? For(WorkingCalendar calendar, IEnumerable<DateOnly> dates) =>
        Text(MissingYears(calendar, dates));

    /// <summary>The warning for the range <paramref name="from"/>..<paramref name="to"/>, or null when every year has a schedule.</summary>
    public static string? For(WorkingCalendar calendar, DateOnly from, DateOnly to) =>
        Text(MissingYears(calendar, from, to));

    /// <summary>
    /// "警告: 2027年的法定节假日安排尚未载入, 只按周末计算工作日。Warning: no holiday schedule loaded
    /// for 2027; counting weekends only. Load it with `proposals calendar import FILE`."; null for no years.
    /// </summary>
    public static string? Text(IReadOnlyCollection<int> missingYears)
    {
        ArgumentNullException.ThrowIfNull(missingYears);
        if (missingYears.Count == 0) return null;
        var years = missingYears.Distinct().Order().ToList();
        return $"警告: {Chinese(years)}的法定节假日安排尚未载入, 只按周末计算工作日。" +
            $"Warning: no holiday schedule loaded for {English(years)}; counting weekends only. " +
            $"Load {(years.Count == 1 ? "it" : "them")} with `{ImportCommand}`.";
    }

    /// <summary>
    /// The warning for years a calendar file names without any days (not yet published by the
    /// State Council, see <see cref="CalendarFileContents.UnpublishedYears"/>); null for no years.
    /// </summary>
    public static string? NotPublishedText(string sourceName, IReadOnlyCollection<int> unpublishedYears)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(unpublishedYears);
        if (unpublishedYears.Count == 0) return null;
        var years = unpublishedYears.Distinct().Order().ToList();
        return $"警告: {sourceName} 中{Chinese(years)}的节假日安排为空 (尚未公布), 未载入。" +
            $"Warning: {sourceName} lists no days for {English(years)} (not published yet); nothing loaded for {(years.Count == 1 ? "that year" : "those years")}.";
    }

    private static string Chinese(List<int> years) => string.Join("、", years.Select(y => $"{y}年"));

    private static string English(List<int> years) => years.Count == 1
        ? years[0].ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{string.Join(", ", years.Take(years.Count - 1))} and {years[^1]}";
}
