namespace Proposals.Domain.Calendar;

/// <summary>
/// The warnings owed to users when dates fall in years whose holiday schedule (节假日安排) is
/// not loaded. From 2025 such a year counts the statutory holidays of the regulation but not the
/// declared working weekend days (调休) nor the bridge days, so a due date near a holiday may come
/// out a few days off; before 2025 it counts weekends only. One line, in Chinese and English,
/// saying which of the two and how to fix it; the one place for that wording.
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
        Text(calendar, MissingYears(calendar, dates));

    /// <summary>The warning for the range <paramref name="from"/>..<paramref name="to"/>, or null when every year has a schedule.</summary>
    public static string? For(WorkingCalendar calendar, DateOnly from, DateOnly to) =>
        Text(calendar, MissingYears(calendar, from, to));

    /// <summary>
    /// The warning for <paramref name="years"/> as <paramref name="calendar"/> knows them, on one line: a sentence
    /// for the estimated years, one for the weekends-only years; null when all are published.
    /// </summary>
    public static string? Text(WorkingCalendar calendar, IReadOnlyCollection<int> years)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(years);
        var lines = years.Distinct().GroupBy(calendar.KnowledgeOf)
            .Where(g => g.Key != YearKnowledge.Published)
            .OrderBy(g => g.Key)
            .Select(g => Text(g.Key, g.ToList()));
        var text = string.Join(" ", lines);
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The warning for <paramref name="years"/> without a schedule that are all <paramref name="knowledge"/>; null for no years.
    /// </summary>
    /// <example>
    /// Estimated: "警告: 2027年的节假日安排尚未载入, 按放假办法推算, 调休上班日未知 (no holiday schedule loaded for 2027:
    /// holidays estimated from the regulation, working weekend days unknown; load it with `proposals calendar import FILE`)".
    /// Weekends only: "警告: 2017年的节假日安排尚未载入, 只按周末计算 (no holiday schedule loaded for 2017: counting
    /// weekends only; load it with `proposals calendar import FILE`)". One line each, said once per command.
    /// </example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="knowledge"/> is <see cref="YearKnowledge.Published"/>: nothing to warn about.</exception>
    public static string? Text(YearKnowledge knowledge, IReadOnlyCollection<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0) return null;
        var sorted = years.Distinct().Order().ToList();
        var load = $"load {(sorted.Count == 1 ? "it" : "them")} with `{ImportCommand}`";
        return knowledge switch
        {
            YearKnowledge.Estimated =>
                $"警告: {Chinese(sorted)}的节假日安排尚未载入, 按放假办法推算, 调休上班日未知 " +
                $"(no holiday schedule loaded for {English(sorted)}: holidays estimated from the regulation, working weekend days unknown; {load})",
            YearKnowledge.WeekendsOnly =>
                $"警告: {Chinese(sorted)}的节假日安排尚未载入, 只按周末计算 (no holiday schedule loaded for {English(sorted)}: counting weekends only; {load})",
            YearKnowledge.Published => throw new ArgumentOutOfRangeException(nameof(knowledge), knowledge, "A published year needs no warning."),
            _ => throw new ArgumentOutOfRangeException(nameof(knowledge), knowledge, null),
        };
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
