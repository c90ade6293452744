namespace Proposals.Benchmarks.Replay;

/// <summary>One day's sweep: how long the process took, its peak RSS, its exit code and, when it failed, the first lines it wrote to standard error.</summary>
internal sealed record DaySweep(DateOnly Day, double Seconds, double? PeakRssMb, int ExitCode, bool TimedOut, IReadOnlyList<string> Stderr, int Emails)
{
    public bool Failed => TimedOut || ExitCode != 0;
}

/// <summary>What a replay did: the file and the days, the imports, each day's sweep, the mail it made, the whole run's wall time.</summary>
internal sealed record ReplayRun(
    ReplayOptions Options,
    string Divisions,
    DateOnly From,
    DateOnly Through,
    IReadOnlyList<DaySweep> Sweeps,
    MailTally Mail,
    double ImportSeconds,
    double? ImportPeakRssMb,
    double WallSeconds);
