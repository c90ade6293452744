using System.Text;

namespace Proposals.Worker.Cli;

/// <summary>
/// A plain-text table for a terminal. Chinese characters take two columns on screen, so widths are
/// counted in display columns, not in chars. Each cell is kept on one line and stripped of control
/// characters (<see cref="Reporting.TableCell"/>): a line break in a title would break the row, an
/// escape sequence would reach the terminal.
/// </summary>
internal sealed class TextTable(params string[] headings)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; missing cells are blank.</summary>
    public void Add(params string[] cells) => _rows.Add([.. cells.Select(Reporting.TableCell.OneLine)]);

    /// <summary>The number of rows added.</summary>
    public int Count => _rows.Count;

    /// <summary>Writes the headings, a rule and the rows, columns separated by two spaces.</summary>
    public void WriteTo(TextWriter output)
    {
        var widths = headings.Select(Reporting.TableCell.OneLine).Select(Width).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++) widths[i] = Math.Max(widths[i], Width(row[i]));
        }
        output.WriteLine(Line(headings, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) output.WriteLine(Line(row, widths));
    }

    /// <summary>Display width: East Asian wide and full-width characters count two.</summary>
    public static int Width(string text) => Reporting.DisplayWidth.Of(text);

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
}
