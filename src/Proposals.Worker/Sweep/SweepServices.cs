using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Cli;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Sweep;

/// <summary>The sweep's parts for a command run outside the worker host, built by the same registration.</summary>
internal sealed class SweepServices(ServiceProvider provider) : IAsyncDisposable
{
    public ReminderSweep Sweep => provider.GetRequiredService<ReminderSweep>();

    public SweepRunner Runner => provider.GetRequiredService<SweepRunner>();

    public static SweepServices Create(CommandContext context)
    {
        var services = new ServiceCollection();
        services.AddSingleton(context.Clock);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddProposals(context.Configuration);
        return new SweepServices(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
