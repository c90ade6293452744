using System.Globalization;
using System.Text;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// The default format: the paragraph for the annual report, then compact aligned tables. Meant for a
/// terminal: every cell on one line and free of control characters (<see cref="TableCell"/>).
/// </summary>
internal sealed class TextReportFormat : IReportFormat
{
    public string Name => "text";

    public string Extension => "txt";

    public void Write(YearReport report, string paragraph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(TableCell.OneLine(paragraph));
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Year}年 截至{report.AsOf:yyyy-MM-dd}"));
        writer.WriteLine();
        writer.WriteLine("按类别");
        WriteTable(writer, ReportRows.KindLabels, ReportRows.ByKind(report));
        writer.WriteLine();
        writer.WriteLine("按处室");
        WriteTable(writer, ReportRows.DivisionLabels, ReportRows.ByDivision(report));
        if (report.KeyItems.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("重点督办");
            WriteGrid(writer, ReportRows.KeyItemHeadings, report.KeyItems.Select(ReportRows.KeyItemCells).ToList(), rightAlignFrom: int.MaxValue);
        }
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<string> labels, IReadOnlyList<ReportRow> rows)
    {
        var columns = FigureColumns.Compact(rows.Select(r => r.Figures));
        var headings = labels.Concat(columns.Select(c => c.Heading)).ToList();
        var cells = rows
            .Select(r => (IReadOnlyList<string>)r.Labels.Concat(columns.Select(c => c.Text(r.Figures))).ToList())
            .ToList();
        WriteGrid(writer, headings, cells, rightAlignFrom: labels.Count);
    }

    /// <summary>Writes cells in columns two spaces apart; columns from <paramref name="rightAlignFrom"/> on are numbers, aligned right.</summary>
    private static void WriteGrid(TextWriter writer, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<string>> rows, int rightAlignFrom)
    {
        var lines = rows.Select(r => (IReadOnlyList<string>)r.Select(TableCell.OneLine).ToList()).ToList();
        var widths = headings.Select((h, i) => lines.Select(r => DisplayWidth.Of(r[i])).Append(DisplayWidth.Of(h)).Max()).ToList();
        writer.WriteLine(Line(headings));
        foreach (var row in lines) writer.WriteLine(Line(row));
        if (rows.Count == 0) writer.WriteLine("(无)");

        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) =>
            i >= rightAlignFrom ? DisplayWidth.PadLeft(c, widths[i]) : DisplayWidth.PadRight(c, widths[i]))).TrimEnd();
    }
}
