using System.Globalization;

namespace Proposals.Benchmarks.Results;

/// <summary>The measurements in the order taken, each reported on the progress stream as it comes.</summary>
internal sealed class Recorder(TextWriter progress)
{
    private readonly List<Measurement> _rows = [];

    public IReadOnlyList<Measurement> Rows => _rows;

    /// <summary>Whether any operation failed (a failed bare baseline means a broken harness: that counts too).</summary>
    public bool AnyFailed => _rows.Any(r => r.Failed);

    /// <summary>Says on the progress stream what is starting: some operations take minutes.</summary>
    public void Begin(string operation) => progress.WriteLine($"{operation} ...");

    /// <summary>Records <paramref name="measurement"/>; returns its place, for <see cref="Update"/>.</summary>
    public int Add(Measurement measurement)
    {
        _rows.Add(measurement);
        var m = measurement;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {(m.Seconds is { } s ? $"{s:F2} s" : "n/a")}{(m.PeakRssMb is { } r ? $", {r:F0} MB" : "")}{(m.Failed ? ", FAILED" : "")}{(m.Note.Length > 0 ? $" ({m.Note})" : "")}"));
        foreach (var line in m.Failed ? m.Stderr ?? [] : []) progress.WriteLine($"      {line}");
        return _rows.Count - 1;
    }

    /// <summary>Changes an earlier measurement: its baseline or rows, known only once the baseline has run.</summary>
    public void Update(int index, Func<Measurement, Measurement> change) => _rows[index] = change(_rows[index]);

    /// <summary>Sets <paramref name="baseline"/>'s time as the baseline of the measurement at <paramref name="index"/>.</summary>
    public void Compare(int index, Measurement baseline)
    {
        if (baseline.Failed || baseline.Seconds is null) return;
        Update(index, m => m with { BaselineSeconds = baseline.Seconds });
    }
}
