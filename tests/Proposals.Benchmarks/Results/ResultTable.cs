using System.Globalization;

namespace Proposals.Benchmarks.Results;

/// <summary>The results as one fixed-width table, then the first lines of each failure's standard error.</summary>
internal static class ResultTable
{
    public static void Print(TextWriter output, IReadOnlyList<Measurement> rows)
    {
        var header = new[] { "operation", "rows", "emails", "seconds", "bare s", "ratio", "peak RSS MB", "note" };
        var cells = rows.Select(m => new[]
        {
            (m.IsBaseline ? "  " : "") + m.Operation,
            m.Rows is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "",
            m.Messages is { } e ? e.ToString("N0", CultureInfo.InvariantCulture) : "",
            m.Seconds is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "n/a",
            m.BaselineSeconds is { } b ? b.ToString("F3", CultureInfo.InvariantCulture) : "",
            m.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×" : "",
            m.PeakRssMb is { } mb ? mb.ToString("F0", CultureInfo.InvariantCulture) : "",
            (m.Failed ? "FAILED" + (m.Note.Length > 0 ? ": " : "") : "") + m.Note,
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(Width(h), cells.Count == 0 ? 0 : cells.Max(c => Width(c[i])))).ToArray();
        string Line(string[] c) => string.Join(" | ", c.Select((v, i) => i is 0 or 7 ? Pad(v, widths[i], left: true) : Pad(v, widths[i], left: false))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var c in cells) output.WriteLine(Line(c));

        foreach (var m in rows.Where(r => r.Failed && r.Stderr is { Count: > 0 }))
        {
            output.WriteLine();
            output.WriteLine($"{m.Operation}: standard error began with");
            foreach (var line in m.Stderr!) output.WriteLine("    " + line);
        }
    }

    // Chinese characters take two columns in a terminal.
    private static int Width(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    private static bool IsWide(char c) =>
        c is (>= '\u2e80' and <= '\ua4cf') or (>= '\uac00' and <= '\ud7a3') or (>= '\uf900' and <= '\ufaff')
            or (>= '\uff00' and <= '\uff60') or (>= '\uffe0' and <= '\uffe6');

    private static string Pad(string text, int width, bool left)
    {
        var fill = new string(' ', Math.Max(0, width - Width(text)));
        return left ? text + fill : fill + text;
    }
}
