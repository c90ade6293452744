using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// A plain workbook (Excel, WPS): sheet 段落 with the paragraph for the annual report, sheet 按类别,
/// sheet 按处室, and sheet 重点督办 when there are key items. Counts are numbers; rates are numbers
/// shown as percentages (a cell holds 0.8333 and shows 83.33%), or — where there is no rate.
/// </summary>
internal sealed class XlsxReportFormat : IReportFormat
{
    /// <summary>The sheet that holds the paragraph.</summary>
    public const string ParagraphSheet = "段落";

    // One number format per column: Excel cannot drop trailing zeros per cell, so rates show two decimals.
    private const string PercentFormat = "0.00%";

    // A configuration per workbook: MiniExcel keeps state in it while writing.
    private static OpenXmlConfiguration Configuration() => new()
    {
        DynamicColumns =
        [
            .. FigureColumns.All.Where(c => c.IsRate).Select(c => new DynamicExcelColumn(c.Heading) { Format = PercentFormat }),
            new DynamicExcelColumn(ParagraphSheet) { Width = 120 },
        ],
    };

    public string Name => "xlsx";

    public string Extension => "xlsx";

    public void Write(YearReport report, string paragraph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        // DataTables keep the headings even when a sheet has no rows.
        var sheets = new Dictionary<string, object>
        {
            [ParagraphSheet] = Paragraph(paragraph),
            ["按类别"] = Table(ReportRows.KindLabels, ReportRows.ByKind(report)),
            ["按处室"] = Table(ReportRows.DivisionLabels, ReportRows.ByDivision(report)),
        };
        if (report.KeyItems.Count > 0) sheets["重点督办"] = KeyItems(report);
        output.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: Configuration());
    }

    private static DataTable Paragraph(string paragraph)
    {
        var table = new DataTable();
        table.Columns.Add(ParagraphSheet, typeof(string));
        table.Rows.Add(paragraph);
        return table;
    }

    private static DataTable Table(IReadOnlyList<string> labels, IReadOnlyList<ReportRow> rows)
    {
        var table = new DataTable();
        foreach (var label in labels) table.Columns.Add(label, typeof(string));
        // A rate column holds numbers, and the text — where a rate has no value.
        foreach (var column in FigureColumns.All)
            table.Columns.Add(column.Heading, column.Count is not null ? typeof(int) : typeof(object));
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
