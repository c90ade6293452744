using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proposals.Domain.Calendar;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The holiday schedules (节假日安排) the due dates need are loaded: this year's, and from
/// <see cref="NextYearWatchedFrom"/> on, next year's.
/// </summary>
/// <remarks>
/// This year missing is Unhealthy: every due date and reminder day of the year counts only the
/// statutory holidays of the regulation, without the declared working weekend days and bridge
/// days (weekends only before 2025). Next year missing is Degraded: with the 3-month limit, items
/// assigned from September on fall due next year, and the State Council publishes next year's
/// schedule in November or December. Watching it from 1 November makes the readiness a yearly
/// reminder to import it as soon as it is out; earlier, nothing could be done about it, and a
/// warning nobody can act on teaches people to ignore warnings. The descriptions are the
/// calendar warnings users see (<see cref="CalendarWarnings"/>), saying what is counted instead.
/// </remarks>
internal sealed class HealthCalendarCheck(CalendarSource calendars, LedgerOptions ledger, TimeProvider clock) : IHealthCheck
{
    /// <summary>The day of the year from which next year's schedule is expected (1 November).</summary>
    public static (int Month, int Day) NextYearWatchedFrom => (11, 1);

    /// <summary>The years whose schedule must be loaded on <paramref name="today"/>: this year, and next year from <see cref="NextYearWatchedFrom"/>.</summary>
    public static IReadOnlyList<int> WatchedYears(DateOnly today) =>
        today >= new DateOnly(today.Year, NextYearWatchedFrom.Month, NextYearWatchedFrom.Day) ? [today.Year, today.Year + 1] : [today.Year];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = ledger.Today(clock);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var year = today.Year;
        var next = year + 1;
        var data = new Dictionary<string, object>
        {
            ["today"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["loadedYears"] = string.Join(",", calendar.ScheduledYears),
            ["thisYear"] = Name(calendar.KnowledgeOf(year)),
            ["nextYear"] = Name(calendar.KnowledgeOf(next)),
        };
        if (!calendar.HasSchedule(year))
        {
            return HealthCheckResult.Unhealthy(CalendarWarnings.Text(calendar, [year]), data: data);
        }
        var watched = today >= new DateOnly(year, NextYearWatchedFrom.Month, NextYearWatchedFrom.Day);
        if (watched && !calendar.HasSchedule(next))
        {
            return HealthCheckResult.Degraded(CalendarWarnings.Text(calendar, [next]), data: data);
        }
        return HealthCheckResult.Healthy(calendar.HasSchedule(next)
            ? $"已载入 {year} 年和 {next} 年节假日安排 (the {year} and {next} holiday schedules are loaded)"
            : $"已载入 {year} 年节假日安排; {next} 年安排自 11 月起检查 (the {year} schedule is loaded; {next} is checked from 1 November)", data);
    }

    // Names for the JSON body that do not change if the enum is renamed.
    internal static string Name(YearKnowledge knowledge) => knowledge switch
    {
        YearKnowledge.Published => "published",
        YearKnowledge.Estimated => "estimated",
        YearKnowledge.WeekendsOnly => "weekendsOnly",
        _ => throw new ArgumentOutOfRangeException(nameof(knowledge), knowledge, null),
    };
}
