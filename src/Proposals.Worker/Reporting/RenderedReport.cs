using System.Globalization;
using System.Text;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// One scheduled report in every form it leaves the program in: the email's subject, HTML and text
/// bodies, the workbook, and the JSON written beside it. The files and the email carry the same bytes.
/// </summary>
internal sealed record RenderedReport(
    ReportPeriod Period, string Subject, string Html, string Text, byte[] Workbook, byte[] Json, string Paragraph)
{
    /// <summary>The attachment's name, e.g. 建议提案办理情况-2026-11.xlsx.</summary>
    public string WorkbookName => $"建议提案办理情况-{Period.Code}.xlsx";

    public static RenderedReport Of(ReportPeriod period, YearReport report, string paragraph)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(report);
        var annual = period.Kind == ReportPeriodKind.Annual;
        var subject = annual
            ? string.Create(CultureInfo.InvariantCulture, $"{report.Year}年建议提案办理情况 年度最终数据 (截至{report.AsOf:yyyy-MM-dd})")
            : string.Create(CultureInfo.InvariantCulture, $"建议提案办理情况月报 {period.Code}: {report.Year}年截至{report.AsOf:yyyy-MM-dd}");
        var html = Bytes(new HtmlReportFormat(), report, paragraph);
        var text = Bytes(new TextReportFormat(), report, paragraph);
        if (annual)
        {
            // The coordinator pastes the paragraph into the annual report (due 31 January): say so above it.
            const string Intro = "以下为年度最终数据。第一段可直接用于政府信息公开工作年度报告(1月31日前报送)。";
            html = html.Replace("<body>\n", $"<body>\n<p><em>{Intro}</em></p>\n", StringComparison.Ordinal);
            text = Intro + "\n\n" + text;
        }
        var workbook = new MemoryStream();
        new XlsxReportFormat().Write(report, paragraph, workbook);
        var json = new MemoryStream();
        new JsonReportFormat().Write(report, paragraph, json);
        return new RenderedReport(period, subject, html, text, workbook.ToArray(), json.ToArray(), paragraph);
    }

    private static string Bytes(IReportFormat format, YearReport report, string paragraph)
    {
        using var buffer = new MemoryStream();
        format.Write(report, paragraph, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF');
    }
}
