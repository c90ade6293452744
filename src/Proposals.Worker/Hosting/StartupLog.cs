using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Hosting;

/// <summary>What the worker writes to the log when it starts.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger {Database}; reminder sweep daily at {At} {Zone}; dashboard {Urls}{Path}")]
    public static partial void Started(ILogger logger, string database, string at, string zone, string urls, string path);
}
