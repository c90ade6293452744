using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Cli;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The worker's parts for a command run outside the worker host (<c>sweep</c>, <c>report send</c>),
/// put together by the worker's own registration, so that a command and the worker cannot differ.
/// Logs go to standard error: standard output carries the command's answer.
/// </summary>
internal sealed class CommandServices(ServiceProvider provider) : IAsyncDisposable
{
    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public static CommandServices Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = new ServiceCollection();
        services.AddSingleton(context.Clock);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddProposals(context.Configuration);
        return new CommandServices(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
