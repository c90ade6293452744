using Proposals.Domain.Calendar;
using Proposals.Storage;

namespace Proposals.Worker.Hosting;

/// <summary>
/// Loading a year's holiday schedule from a file, the one way <c>proposals calendar import</c> and the desk's
/// upload both do it: the file read whole and checked (every year's days off in that year), then every
/// year saved, or, with any problem, nothing.
/// </summary>
internal static class CalendarLoad
{
    /// <summary>What a load did: a line per loaded year, a warning for years the file lists without days, or why nothing was loaded.</summary>
    public sealed record Outcome(IReadOnlyList<int> Years, IReadOnlyList<string> Loaded, string? Warning, string? Refusal);

    /// <summary>Reads <paramref name="json"/> (named <paramref name="sourceName"/> in messages) and saves its years; nothing is saved when it is refused.</summary>
    public static async Task<Outcome> LoadAsync(string json, string sourceName, CalendarStore store, Func<Task> ensureSchema, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ensureSchema);
        CalendarFileContents parsed;
        try
        {
            parsed = CalendarFile.Parse(json, sourceName).RequireDaysOffInOwnYear();
        }
        catch (CalendarFileException e)
        {
            return new Outcome([], [], null, e.Message);
        }
        var warning = CalendarWarnings.NotPublishedText(sourceName, parsed.UnpublishedYears);
        if (parsed.Count == 0) return new Outcome([], [], warning, $"{sourceName}: 没有可载入的年度安排 (no published schedule in the file)");
        await ensureSchema().ConfigureAwait(false);
        await store.SaveAsync(parsed, cancel).ConfigureAwait(false);
        var lines = parsed.Select(s =>
        {
            var off = s.Days.Count(d => d.Key.Year == s.Year && d.Value.Kind == DayKind.Holiday);
            var work = s.Days.Count(d => d.Key.Year == s.Year && d.Value.Kind == DayKind.WorkingWeekend);
            return $"已载入 {s.Year} 年: 放假 {off} 天, 调休上班 {work} 天 (loaded {s.Year}: {off} holiday days, {work} working weekend days)";
        }).ToList();
        return new Outcome([.. parsed.Select(s => s.Year)], lines, warning, null);
    }
}
