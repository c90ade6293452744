namespace Proposals.Benchmarks.Harness;

/// <summary>A process to start: program, arguments, a working directory of its own, settings in its environment.</summary>
internal sealed record ProcessSpec(
    string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment);

/// <summary>How a process ended and what it cost.</summary>
internal sealed record ProcessResult(
    int ExitCode, bool TimedOut, TimeSpan Elapsed, long? PeakRssBytes, string Stdout, long StdoutBytes, IReadOnlyList<string> StderrHead)
{
    /// <summary>The peak resident set in MiB, when it was measured.</summary>
    public double? PeakRssMb => PeakRssBytes / (1024.0 * 1024.0);
}
