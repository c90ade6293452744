namespace Proposals.Benchmarks.Results;

/// <summary>
/// One line of the results: an operation, the rows it handled, the emails it sent (a sweep's; null
/// for the rest), its wall time, the bare baseline's time beside it (null where there is none), its
/// peak RSS. A failed operation keeps its exit code and the first lines of its standard error.
/// </summary>
internal sealed record Measurement(
    string Operation,
    long? Rows,
    double? Seconds,
    double? PeakRssMb,
    string Note = "",
    double? BaselineSeconds = null,
    bool Failed = false,
    int? ExitCode = null,
    IReadOnlyList<string>? Stderr = null,
    bool IsBaseline = false,
    long? Messages = null)
{
    /// <summary>Seconds over the baseline's seconds; none for a failed operation, whose time means nothing.</summary>
    public double? Ratio => !Failed && Seconds is { } s && BaselineSeconds is { } b && b > 0 ? s / b : null;

    /// <summary>The note with <paramref name="more"/> added.</summary>
    public Measurement Noting(string more) => this with { Note = Note.Length == 0 ? more : $"{Note}; {more}" };
}
