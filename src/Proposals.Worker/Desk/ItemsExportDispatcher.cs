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
    /// <summary>The paths under the dashboard (Hangfire's routes are regular expressions: escape them where routed).</summary>
    public const string XlsxPath = "/export/items.xlsx";

    /// <inheritdoc cref="XlsxPath"/>
    public const string CsvPath = "/export/items.csv";

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
