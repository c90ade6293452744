using System.Globalization;
using System.Text;

namespace Proposals.Worker.Cli;

/// <summary>
/// A plain-text table for a terminal. Chinese characters take two columns on screen, so widths are
/// counted in display columns, not in chars.
/// </summary>
internal sealed class TextTable(params string[] headings)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; missing cells are blank.</summary>
    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>The number of rows added.</summary>
    public int Count => _rows.Count;

    /// <summary>Writes the headings, a rule and the rows, columns separated by two spaces.</summary>
    public void WriteTo(TextWriter output)
    {
        var widths = headings.Select(Width).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++) widths[i] = Math.Max(widths[i], Width(row[i]));
        }
        output.WriteLine(Line(headings, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) output.WriteLine(Line(row, widths));
    }

    /// <summary>Display width: East Asian wide and full-width characters count two.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes()) width += IsWide(rune.Value) ? 2 : 1;
        return width;
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Count ? cells[i] : "";
            line.Append(cell);
            if (i < widths.Length - 1) line.Append(' ', widths[i] - Width(cell) + 2);
        }
        return line.ToString().TrimEnd();
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or
            >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or
            >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD ||
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= 0x3000 && c <= 0x9FFF;
}
