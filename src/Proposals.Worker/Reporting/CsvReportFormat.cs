using CsvHelper;

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

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        // A division name that starts like a formula must stay text when a spreadsheet opens the file.
        Injection = CsvInjection.Escape,
    };

    public void Write(Proposals.Domain.Rates.YearReport report, string paragraph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteRecord([.. ReportRows.DivisionLabels, .. FigureColumns.All.Select(c => c.Heading)]);
        var rows = ReportRows.ByKind(report).Select(r => new ReportRow([WholeBureau, .. r.Labels], r.Figures))
            .Concat(ReportRows.ByDivision(report));
        foreach (var row in rows)
        {
            csv.WriteRecord([.. row.Labels, .. FigureColumns.All.Select(c => c.Text(row.Figures))]);
        }
    }
}
