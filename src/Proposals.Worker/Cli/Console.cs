namespace Proposals.Worker.Cli;

/// <summary>Where a command writes and what time it is: the process's own, or a test's.</summary>
internal sealed record Console(TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    /// <summary>The process's standard output and error, UTF-8, and the system clock.</summary>
    public static Console System => new(global::System.Console.Out, global::System.Console.Error, TimeProvider.System);
}
