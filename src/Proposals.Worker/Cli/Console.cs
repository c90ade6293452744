namespace Proposals.Worker.Cli;

/// <summary>Where a command writes, what time it is, and settings given on top of the configuration: the process's own, or a test's.</summary>
internal sealed record Console(TextWriter Out, TextWriter Error, TimeProvider Clock, IReadOnlyDictionary<string, string?>? Settings = null)
{
    /// <summary>The process's standard output and error, UTF-8, and the system clock.</summary>
    public static Console System => new(global::System.Console.Out, global::System.Console.Error, TimeProvider.System);
}
