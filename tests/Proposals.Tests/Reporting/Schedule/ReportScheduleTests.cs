using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Worker.Hosting;
using Proposals.Worker.Jobs;
using Proposals.Worker.Reporting;

namespace Proposals.Tests.Reporting.Schedule;

/// <summary>The recurring jobs as the dashboard shows them, in Hangfire's own (in-memory) storage.</summary>
// Configuring Hangfire sets its current storage, a static: not while a worker in this process starts.
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class ReportScheduleTests
{
    [Fact]
    public async Task ScheduleReports_AddsTwoRecurringJobs_DailyAtSendAtInShanghai_TheYearlyInJanuary()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T08:00");
        var settings = scenario.Settings(25);
        settings["Reports:SendAt"] = "09:30";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(scenario.Clock);
        services.AddLogging();
        services.AddProposals(configuration);
        services.AddHangfire(hangfire => hangfire.UseInMemoryStorage());
        await using var provider = services.BuildServiceProvider();

        ReportSchedule.ScheduleReports(provider);

        var storage = provider.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [(RateReportJob.MonthlyId, "30 9 * * *", "Asia/Shanghai", nameof(RateReportJob.MonthlyAsync)),
             (RateReportJob.YearlyId, "30 9 * 1 *", "Asia/Shanghai", nameof(RateReportJob.YearlyAsync))],
            jobs.Select(j => (j.Id, j.Cron, j.TimeZoneId, j.Job.Method.Name)));
        // Each also runs once at start-up, to catch up on a report missed while the worker was down.
        Assert.Equal(2, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public async Task Reports_RefuseABadSendTime_NamingTheSetting()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T08:00");
        var settings = scenario.Settings(25);
        settings["Reports:SendAt"] = "9 o'clock";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        await using var provider = new ServiceCollection().AddProposals(configuration).BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<ReportOptions>());

        Assert.Contains("Reports:SendAt", error.Message, StringComparison.Ordinal);
    }
}
