using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Storage;
using Proposals.Worker.Jobs;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The worker's recurring jobs: the daily reminder sweep and the two rate reports. The worker puts
/// them back (with their schedules) every time it starts, so a job deleted from the dashboard stops
/// nothing for longer than until the next start, and the readiness check names any that are missing.
/// </summary>
internal static class RecurringJobs
{
    /// <summary>The ids of the jobs every worker keeps.</summary>
    public static IReadOnlyList<string> Ids { get; } = [SweepJob.RecurringId, RateReportJob.MonthlyId, RateReportJob.YearlyId];

    /// <summary>Adds or updates every job, removes those of earlier versions, and triggers the catch-up sweep.</summary>
    public static void Schedule(IServiceProvider services)
    {
        var ledger = services.GetRequiredService<LedgerOptions>();
        var reminders = services.GetRequiredService<ReminderOptions>();
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var at = reminders.SweepTime;
        recurring.AddOrUpdate<SweepJob>(SweepJob.RecurringId, job => job.RunAsync(CancellationToken.None),
            $"{at.Minute} {at.Hour} * * *", new RecurringJobOptions { TimeZone = ledger.Zone });
        // The re-queue round of earlier versions: the lease on each reminder took its place.
        recurring.RemoveIfExists("reminder-requeue");
        // A worker that was stopped over a sweep's time catches up at once: the record knows what was sent. Run as the
        // recurring job's own trigger, so 定期作业 shows it as the job's last run (最后执行) rather than N/A.
        recurring.Trigger(SweepJob.RecurringId);
        ReportSchedule.ScheduleReports(services);
        StartupLog.Started(services.GetRequiredService<ILoggerFactory>().CreateLogger("Proposals"),
            services.GetRequiredService<LedgerDatabase>().DataSource, reminders.SweepAt, ledger.TimeZone,
            services.GetRequiredService<DashboardOptions>().Urls, services.GetRequiredService<DashboardOptions>().Path);
    }
}
