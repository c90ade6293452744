using Microsoft.Extensions.Hosting;

namespace Proposals.Worker.Hosting;

/// <summary>
/// Puts the recurring jobs in place as the worker starts, before the web server listens: readiness
/// never sees a freshly started worker without its jobs and takes it for one whose jobs were deleted.
/// </summary>
internal sealed class RecurringJobsService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobs.Schedule(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
