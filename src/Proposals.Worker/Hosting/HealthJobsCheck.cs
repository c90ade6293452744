using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The recurring jobs are all there (定时任务): the daily sweep and the two rate reports. One deleted
/// in the dashboard silently stops its work until a worker starts again; this says so at once.
/// </summary>
internal sealed class HealthJobsCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var connection = storage.GetConnection();
        var present = connection.GetRecurringJobs([.. RecurringJobs.Ids]).Where(j => j.Job is not null || j.Error is not null).Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var missing = RecurringJobs.Ids.Where(id => !present.Contains(id)).ToList();
        var data = new Dictionary<string, object> { ["jobs"] = string.Join(",", RecurringJobs.Ids), ["missing"] = string.Join(",", missing) };
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"定时任务齐全 (every recurring job is scheduled): {string.Join(", ", RecurringJobs.Ids)}", data)
            : HealthCheckResult.Unhealthy(
                $"定时任务缺失: {string.Join(", ", missing)}; 重启服务即可恢复 (recurring jobs missing, their work has stopped; restarting the worker puts them back)",
                data: data));
    }
}
