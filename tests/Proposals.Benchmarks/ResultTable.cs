using System.Globalization;

namespace Proposals.Benchmarks;

/// <summary>Prints the measurements as one fixed-width table.</summary>
internal static class ResultTable
{
    private const double MB = 1024 * 1024;

    public static void Print(TextWriter output, IReadOnlyList<Measurement> rows)
    {
        var header = new[] { "operation", "rows", "seconds", "rows/s", "alloc MB", "peak WS MB", "peak heap MB", "note" };
        var cells = rows.Select(m => new[]
        {
            m.Operation,
            m.Rows.ToString("N0", CultureInfo.InvariantCulture),
            m.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            m.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            (m.AllocatedBytes / MB).ToString("N1", CultureInfo.InvariantCulture),
            (m.PeakWorkingSetBytes / MB).ToString("N0", CultureInfo.InvariantCulture),
            (m.PeakHeapBytes / MB).ToString("N0", CultureInfo.InvariantCulture),
            m.Note,
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        string Line(string[] c) => string.Join(" | ", c.Select((v, i) => i is 0 or 7 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var c in cells) output.WriteLine(Line(c));
    }
}
