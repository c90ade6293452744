using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The monitoring endpoints (健康检查): <c>/health</c> says the process answers (liveness);
/// <c>/health/ready</c> says whether it can do its work: the ledger database, the way mail leaves,
/// and the holiday schedules of this year and next (readiness), as JSON in plain words.
/// </summary>
/// <remarks>
/// Healthy and Degraded answer 200, Unhealthy 503, so that a plain HTTP monitor alerts on what
/// stops reminders and a reading of the JSON shows what needs attention soon.
/// </remarks>
internal static class HealthEndpoints
{
    /// <summary>The tag of the checks that /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The liveness path.</summary>
    public const string LivePath = "/health";

    /// <summary>The readiness path.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Registers the readiness checks; needs the services of <c>AddProposals</c>.</summary>
    public static IServiceCollection AddProposalsHealth(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // One instance, so that the mail check can keep its last answer for a while (see HealthMailCheck).
        services.TryAddSingleton<HealthMailCheck>();
        services.AddHealthChecks()
            .AddCheck<HealthDatabaseCheck>("database", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(20))
            .AddCheck<HealthMailCheck>("mail", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(30))
            .AddCheck<HealthCalendarCheck>("calendar", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(20))
            .AddCheck<HealthReminderCheck>("reminders", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(20));
        return services;
    }

    /// <summary>Maps <c>/health</c> (no checks: the process answers) and <c>/health/ready</c> (every ready check, JSON).</summary>
    public static WebApplication MapProposalsHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthJson.WriteAsync,
        });
        return app;
    }
}
