using System.Text;

namespace Proposals.Worker.Reporting;

/// <summary>
/// The figures as one CSV table with Chinese headings: the whole bureau per kind (主办处室 = 全局), then each
/// lead division. UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly; RFC 4180 quoting.
/// </summary>
internal sealed class CsvReportFormat : IReportFormat
{
    /// <summary>The 主办处室 cell of the rows that cover the whole bureau.</summary>
    public const string WholeBureau = "全局";

    public string Name => "csv";

    public string Extension => "csv";

    public void Write(Proposals.Domain.Rates.YearReport report, string paragraph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        WriteRecord(writer, [.. ReportRows.DivisionLabels.Select(Label), .. FigureColumns.All.Select(c => c.Heading)]);

        var rows = ReportRows.ByKind(report).Select(r => new ReportRow([WholeBureau, .. r.Labels], r.Figures))
            .Concat(ReportRows.ByDivision(report));
        foreach (var row in rows)
            WriteRecord(writer, [.. row.Labels.Select(Label), .. FigureColumns.All.Select(c => c.Text(row.Figures))]);
    }

    private static void WriteRecord(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(",", fields.Select(Quote)));
        writer.Write("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    // A division name that starts like a formula must stay text when a spreadsheet opens the file.
    private static string Label(string text) =>
        text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
