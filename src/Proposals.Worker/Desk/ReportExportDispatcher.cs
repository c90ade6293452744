using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Storage;
using Proposals.Worker.Cli;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Desk;

/// <summary>
/// GET /hangfire/export/report.xlsx?year=Y: the year's report workbook, the same <c>proposals report --year Y --out FILE.xlsx</c>
/// writes (as of 31 December, or today for the current year).
/// </summary>
internal sealed class ReportExportDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = "/export/report.xlsx";

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var services = http.RequestServices;
        var today = services.GetRequiredService<LedgerOptions>().Today(services.GetRequiredService<TimeProvider>());
        var text = http.Request.Query["year"].ToString().Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1949 or > 9999)
        {
            await Downloads.RefuseAsync(http, $"年度无效: {text} (year: give the report's year, 1949 to 9999)").ConfigureAwait(false);
            return;
        }
        if (year > today.Year)
        {
            await Downloads.RefuseAsync(http, $"{year} 年尚未开始 (year: {year} has not begun)").ConfigureAwait(false);
            return;
        }
        var asOf = YearReport.DefaultAsOf(year, today);
        await Downloads.SendAsync(http, string.Create(CultureInfo.InvariantCulture, $"办理情况-{year}.xlsx"), "xlsx", stream => YearReportOutput.WriteAsync(
            services.GetRequiredService<ItemStore>(), services.GetRequiredService<TemplateOptions>(), services.GetRequiredService<ReportOptions>(),
            year, asOf, "xlsx", stream, http.RequestAborted)).ConfigureAwait(false);
    }
}
