using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Cli;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reporting;

/// <summary>The scheduled reports' parts for a command run outside the worker host, built by the worker's own registration.</summary>
internal sealed class ReportServices(ServiceProvider provider) : IAsyncDisposable
{
    public ReportDelivery Delivery => provider.GetRequiredService<ReportDelivery>();

    public static ReportServices Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = new ServiceCollection();
        services.AddSingleton(context.Clock);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning).AddFilter("Proposals", LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddProposals(context.Configuration);
        services.AddReportJobs(context.Configuration);
        return new ReportServices(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
