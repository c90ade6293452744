using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Jobs;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Hosting;

/// <summary>The scheduled rate reports: their services, and their two recurring jobs in the dashboard.</summary>
internal static class ReportSchedule
{
    /// <summary>Registers the reports' parts; call after <see cref="ProposalsServices.AddProposals"/>, whose mail and ledger parts they use.</summary>
    public static IServiceCollection AddReportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Idempotent: the commands call it after AddProposals, which may already have done so.
        if (services.Any(d => d.ServiceType == typeof(ReportDelivery))) return services;
        var options = configuration.GetSection("Reports").Get<ReportOptions>() ?? new ReportOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new SettingsException(problems);
        var templates = ProposalsServices.TemplatesFolder(configuration);

        services.AddSingleton(options);
        services.AddSingleton(sp => new ReportRunStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ReportMessageComposer(sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new ReportFiles(templates, options));
        services.AddTransient<ReportDelivery>();
        services.AddTransient<RateReportJob>();
        return services;
    }

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
