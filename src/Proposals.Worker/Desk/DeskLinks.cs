using Hangfire.Dashboard;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Desk;

/// <summary>
/// The line under 办理进度's filters: the downloads under the same filters (the ledger to edit and upload
/// again, the year's report workbook), and the missing holiday schedule when one is missing.
/// </summary>
internal static class DeskLinks
{
    /// <summary>Appends the downloads for <paramref name="year"/>, <paramref name="kind"/> and <paramref name="division"/>, then the calendar notice.</summary>
    public static void Progress(DeskHtml html, UrlHelper url, DeskRequest request, int year, ItemKind? kind, string? division)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(request);
        var filters = DeskHtml.Query(("year", DeskRequest.N(year)), ("kind", kind?.Code()), ("division", division));
        html.Raw("<p class=\"desk-downloads\">下载: ");
        html.Link(url.To(ItemsExportDispatcher.XlsxPath) + filters, "台账 Excel", "btn btn-default btn-sm").Raw(" ");
        html.Link(url.To(ItemsExportDispatcher.CsvPath) + filters, "台账 CSV", "btn btn-default btn-sm").Raw(" ");
        if (year <= request.Today.Year)
            html.Link(url.To(ReportExportDispatcher.Path) + DeskHtml.Query(("year", DeskRequest.N(year))), $"{DeskRequest.N(year)}年办理情况报表", "btn btn-default btn-sm");
        html.Raw("</p>");
        CalendarNotice.Write(html, request, url.To(CalendarPage.Path));
    }
}
