using Proposals.Worker.Reminders;
using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Worker.Jobs;

namespace Proposals.Tests.Auth;

/// <summary>A recurring job deleted in the dashboard does not silently stop the work.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class RecurringJobsHealthTests
{
    [Fact]
    public async Task ADeletedRecurringJob_IsReportedByReadiness_AndWhatAStartDoesPutsItBack()
    {
        var settings = new Dictionary<string, string?>();
        await using (var host = await SignInHost.StartAsync(settings))
        {
            using var client = host.Client();
            var before = await ReadyAsync(client);
            host.App.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(SweepJob.RecurringId);
            var after = await ReadyAsync(client);
            // What every start of the worker does (on a shared database, the next worker to start does it).
            Proposals.Worker.Hosting.RecurringJobs.Schedule(host.App.Services);
            var restored = await ReadyAsync(client);

            Assert.Equal("Healthy", before.Jobs);
            Assert.Equal("Healthy", restored.Jobs);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (after.Code, after.Jobs));
            Assert.Contains(SweepJob.RecurringId, after.Description, StringComparison.Ordinal);
        }
    }

    private static async Task<(HttpStatusCode Code, string Jobs, string Description)> ReadyAsync(SignInClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var jobs = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "jobs");
        return (response.StatusCode, jobs.GetProperty("status").GetString()!, jobs.GetProperty("description").GetString()!);
    }
}
