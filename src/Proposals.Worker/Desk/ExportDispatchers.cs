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
/// GET /hangfire/export/items.xlsx|.csv?year=&amp;kind=&amp;division=: the ledger under 办理进度's filters, in
/// the import's own columns (the one writer of <c>proposals list --out</c>), so the file can be edited and
/// uploaded again. Viewers may download; nothing here changes anything.
/// </summary>
internal sealed class ItemsExportDispatcher(string format) : IDashboardDispatcher
{
    /// <summary>The paths under the dashboard (a regular expression each, as Hangfire routes are).</summary>
    public const string XlsxPath = @"/export/items\.xlsx";

    /// <inheritdoc cref="XlsxPath"/>
    public const string CsvPath = @"/export/items\.csv";

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var services = http.RequestServices;
        var today = services.GetRequiredService<LedgerOptions>().Today(services.GetRequiredService<TimeProvider>());
        var query = http.Request.Query;
        int? year = null;
        if (Value(query, "year") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1949 or > 9999)
            {
                await Downloads.RefuseAsync(http, $"年度无效: {yearText} (year: not a valid year; expected 1949 to 9999)").ConfigureAwait(false);
                return;
            }
            year = y;
        }
        var kindText = Value(query, "kind");
        var kind = ItemKinds.Parse(kindText);
        if (kindText is not null && kind is null)
        {
            await Downloads.RefuseAsync(http, $"类别无效: {kindText} (kind: npc or cppcc)").ConfigureAwait(false);
            return;
        }
        var division = Value(query, "division");
        if (division is not null && !(await services.GetRequiredService<DivisionStore>().AllAsync(http.RequestAborted).ConfigureAwait(false)).ContainsKey(division))
        {
            await Downloads.RefuseAsync(http, $"处室不在处室名单中: {division} (division: not a known division)").ConfigureAwait(false);
            return;
        }
        var items = services.GetRequiredService<ItemStore>().ListAsync(new ItemFilter(year, today, Division: division, Kind: kind), http.RequestAborted);
        var name = string.Create(CultureInfo.InvariantCulture, $"台账-{(year is { } named ? named.ToString(CultureInfo.InvariantCulture) : "全部")}{(kind is { } k ? "-" + k.ShortName() : "")}{(division is null ? "" : "-" + division)}.{format}");
        await Downloads.SendAsync(http, name, format, stream => ListOutput.ToFileAsync(format, stream, items, today, http.RequestAborted)).ConfigureAwait(false);
    }

    private static string? Value(IQueryCollection query, string name) => query[name].ToString().Trim() is { Length: > 0 } v ? v : null;
}

/// <summary>
/// GET /hangfire/export/report.xlsx?year=Y: the year's report workbook, the same <c>proposals report --year Y --out FILE.xlsx</c>
/// writes (as of 31 December, or today for the current year).
/// </summary>
internal sealed class ReportExportDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = @"/export/report\.xlsx";

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

/// <summary>How the desk sends a file: written aside first (the writers write synchronously, and a failure half-way must not send half a file), then streamed.</summary>
internal static class Downloads
{
    /// <summary>The content type of each format the desk serves.</summary>
    public static string ContentType(string format) => format switch
    {
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv" => "text/csv; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a download format"),
    };

    /// <summary>Writes the file with <paramref name="write"/> to a temporary file, then sends it as an attachment named <paramref name="fileName"/>.</summary>
    public static async Task SendAsync(HttpContext http, string fileName, string format, Func<Stream, Task> write)
    {
        var path = Path.GetTempFileName();
        try
        {
            var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await using (file.ConfigureAwait(false))
            {
                await write(file).ConfigureAwait(false);
                file.Position = 0;
                var response = http.Response;
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = ContentType(format);
                response.ContentLength = file.Length;
                response.Headers.CacheControl = "no-store";
                response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = "export." + format }.ToString();
                await file.CopyToAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
            }
        }
        finally
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }

    /// <summary>A plain refusal with the reason, nothing sent.</summary>
    public static async Task RefuseAsync(HttpContext http, string reason)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(reason + "\n", http.RequestAborted).ConfigureAwait(false);
    }
}
