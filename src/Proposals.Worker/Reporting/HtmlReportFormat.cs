using System.Net;
using System.Text;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// A self-contained page with the paragraph and the tables. <see cref="Fragment"/> gives the same content
/// without the page around it, for the body of the monthly email. All text is HTML-encoded.
/// </summary>
internal sealed class HtmlReportFormat : IReportFormat
{
    private const string Style =
        "body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;}" +
        "table{border-collapse:collapse;margin:0.5em 0 1.5em;}" +
        "th,td{border:1px solid #999;padding:2px 8px;}td.n{text-align:right;}th{background:#eee;}";

    public string Name => "html";

    public string Extension => "html";

    public void Write(YearReport report, string paragraph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"zh-CN\">");
        writer.WriteLine($"<head><meta charset=\"utf-8\"><title>{E(Title(report))}</title><style>{Style}</style></head>");
        writer.WriteLine("<body>");
        writer.Write(Fragment(report, paragraph));
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    /// <summary>The heading, paragraph and tables, without the page around them (for an email body).</summary>
    public static string Fragment(YearReport report, string paragraph)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(Title(report))).Append("</h1>\n");
        html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        html.Append("<h2>按类别</h2>\n");
        FigureTable(html, ReportRows.KindLabels, ReportRows.ByKind(report));
        html.Append("<h2>按处室</h2>\n");
        FigureTable(html, ReportRows.DivisionLabels, ReportRows.ByDivision(report));
        if (report.KeyItems.Count > 0)
        {
            html.Append("<h2>重点督办</h2>\n<table>\n<tr>");
            foreach (var h in ReportRows.KeyItemHeadings) html.Append("<th>").Append(E(h)).Append("</th>");
            html.Append("</tr>\n");
            foreach (var k in report.KeyItems)
            {
                html.Append("<tr>");
                foreach (var cell in ReportRows.KeyItemCells(k)) html.Append("<td>").Append(E(cell)).Append("</td>");
                html.Append("</tr>\n");
            }
            html.Append("</table>\n");
        }
        return html.ToString();
    }

    private static string Title(YearReport report) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{report.Year}年人大代表建议和政协提案办理情况（截至{report.AsOf:yyyy-MM-dd}）");

    private static void FigureTable(StringBuilder html, IReadOnlyList<string> labels, IReadOnlyList<ReportRow> rows)
    {
        html.Append("<table>\n<tr>");
        foreach (var h in labels.Concat(FigureColumns.All.Select(c => c.Heading))) html.Append("<th>").Append(E(h)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var label in row.Labels) html.Append("<td>").Append(E(label)).Append("</td>");
            foreach (var c in FigureColumns.All) html.Append("<td class=\"n\">").Append(E(c.Text(row.Figures))).Append("</td>");
            html.Append("</tr>\n");
        }
        if (rows.Count == 0)
            html.Append("<tr><td colspan=\"").Append(labels.Count + FigureColumns.All.Count).Append("\">无</td></tr>\n");
        html.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
