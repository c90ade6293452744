using Proposals.Worker.Reminders;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Tests.Auth;
using Proposals.Worker.Jobs;

namespace Proposals.Tests.Hosting;

/// <summary>
/// The catch-up sweep a starting worker runs is the recurring job's own run: 定期作业 shows it as the job's
/// last run (最后执行) instead of N/A, under the job's Chinese name.
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class StartupSweepTests : IAsyncLifetime
{
    private SignInHost _host = null!;

    public async Task InitializeAsync() => _host = await SignInHost.StartAsync(SignInHost.WithUsers());

    [Fact]
    public async Task TheStartUpSweep_IsTheRecurringJobsLastRun()
    {
        using var connection = _host.App.Services.GetRequiredService<JobStorage>().GetConnection();
        var sweep = connection.GetRecurringJobs([SweepJob.RecurringId]).Single();
        using var coordinator = _host.Client();
        await coordinator.SignInOrFailAsync(SignInHost.Coordinator);

        var page = await (await coordinator.GetAsync("/hangfire/recurring")).Content.ReadAsStringAsync();

        Assert.NotNull(sweep.LastJobId);
        Assert.NotNull(sweep.LastExecution);
        Assert.Equal(SweepJob.RecurringId, connection.GetJobParameter(sweep.LastJobId, "RecurringJobId")?.Trim('"'));
        Assert.Contains("催办扫描", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("reminder sweep", page, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
