using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Mail;
using Proposals.Worker.Jobs;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Hosting;

/// <summary>The scheduled rate reports' two recurring jobs in the dashboard.</summary>
internal static class ReportSchedule
{
    /// <summary>
    /// Adds or updates the two recurring jobs, daily at Reports:SendAt in the bureau's zone (the yearly
    /// one in January only), and runs each once now: a worker that was down on the first working day
    /// sends the missed report when it comes back.
    /// </summary>
    public static void ScheduleReports(IServiceProvider services)
    {
        var ledger = services.GetRequiredService<LedgerOptions>();
        var options = services.GetRequiredService<ReportOptions>();
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var at = options.SendTime;
        var zone = new RecurringJobOptions { TimeZone = ledger.Zone };
        recurring.AddOrUpdate<RateReportJob>(RateReportJob.MonthlyId, job => job.MonthlyAsync(CancellationToken.None), $"{at.Minute} {at.Hour} * * *", zone);
        recurring.AddOrUpdate<RateReportJob>(RateReportJob.YearlyId, job => job.YearlyAsync(CancellationToken.None), $"{at.Minute} {at.Hour} * 1 *", zone);
        var jobs = services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<RateReportJob>(job => job.MonthlyAsync(CancellationToken.None));
        jobs.Enqueue<RateReportJob>(job => job.YearlyAsync(CancellationToken.None));
        ReportLog.Scheduled(services.GetRequiredService<ILoggerFactory>().CreateLogger("Proposals"),
            options.SendAt, ledger.TimeZone, services.GetRequiredService<MailOptions>().Coordinator, Path.GetFullPath(options.Directory));
    }
}
