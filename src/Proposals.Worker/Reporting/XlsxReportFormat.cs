using System.Data;
using MiniExcelLibs;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// A plain workbook (Excel, WPS): sheet 按类别, sheet 按处室, and sheet 重点督办 when there are key items.
/// Counts are numbers; rates are the percentages as the report shows them (83.33%, —).
/// </summary>
internal sealed class XlsxReportFormat : IReportFormat
{
    public string Name => "xlsx";

    public string Extension => "xlsx";

    public void Write(YearReport report, string paragraph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        // DataTables keep the headings even when a sheet has no rows.
        var sheets = new Dictionary<string, object>
        {
            ["按类别"] = Table(ReportRows.KindLabels, ReportRows.ByKind(report)),
            ["按处室"] = Table(ReportRows.DivisionLabels, ReportRows.ByDivision(report)),
        };
        if (report.KeyItems.Count > 0) sheets["重点督办"] = KeyItems(report);
        output.SaveAs(sheets, excelType: ExcelType.XLSX);
    }

    private static DataTable Table(IReadOnlyList<string> labels, IReadOnlyList<ReportRow> rows)
    {
        var table = new DataTable();
        foreach (var label in labels) table.Columns.Add(label, typeof(string));
        foreach (var column in FigureColumns.All)
            table.Columns.Add(column.Heading, column.Count is not null ? typeof(int) : typeof(string));
        foreach (var row in rows)
            table.Rows.Add([.. row.Labels, .. FigureColumns.All.Select(c => c.Value(row.Figures))]);
        return table;
    }

    private static DataTable KeyItems(YearReport report)
    {
        var table = new DataTable();
        foreach (var heading in ReportRows.KeyItemHeadings) table.Columns.Add(heading, typeof(string));
        foreach (var k in report.KeyItems) table.Rows.Add([.. ReportRows.KeyItemCells(k)]);
        return table;
    }
}
