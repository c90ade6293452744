using Proposals.Worker.Cli;
using System.Text.Json;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reporting;

/// <summary>
/// A year is closed once its year report was sent: what it said is kept (its figures, each item's class,
/// the settings it was counted with), and a later <c>report --year Y</c> names every difference from it
/// and where each comes from: facts recorded after sending, or a changed setting or definition.
/// </summary>
internal sealed class SentYearReport(ItemStore items, FactStore facts, ReportRunStore runs, LedgerOptions ledger)
{
    /// <summary>Keeps what the year report of <paramref name="period"/> said, once the server accepted it.</summary>
    public async Task KeepAsync(ReportPeriod period, YearReport report, RateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(report);
        if (period.Kind != ReportPeriodKind.Annual) return;
        var classes = new Dictionary<long, string>();
        await foreach (var stored in items.AssignedInYearAsync(report.Year, cancellationToken).ConfigureAwait(false))
        {
            classes[stored.Id] = ItemClassification.Of(stored.Item, report.Year, report.AsOf);
        }
        await runs.KeepSentAsync(period.Code, report.AsOf, Figures(report), Settings(settings), classes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The differences between the sent year report of <paramref name="year"/> and the ledger now, counted as
    /// of the sent report's day, one line each (Chinese, then English); null when none was sent.
    /// </summary>
    public async Task<IReadOnlyList<string>?> DifferencesAsync(int year, RateSettings settings, CancellationToken cancellationToken)
    {
        var sent = await runs.FindSentAsync(ReportPeriod.Annual(year).Code, cancellationToken).ConfigureAwait(false);
        if (sent is null) return null;
        var lines = new List<string>();
        var now = await YearReportSource.BuildAsync(items, year, sent.AsOf, settings, cancellationToken).ConfigureAwait(false);
        foreach (var (path, then, current) in Moved(sent.Settings, Settings(settings)))
        {
            lines.Add($"统计设置已变化 (a setting changed): {path} 发送时 {then}, 现在 {current}");
        }
        var figures = Figures(now);
        if (figures == sent.Figures && lines.Count == 0) return lines;
        // Every figure that moved, whatever moved it (an item's class, a new lead division, the key flag).
        foreach (var (path, then, current) in Moved(sent.Figures, figures))
        {
            lines.Add($"数字变化 (a figure moved): {path} 发送时 {then}, 现在 {current}");
        }
        await foreach (var stored in items.AssignedInYearAsync(year, cancellationToken).ConfigureAwait(false))
        {
            var current = ItemClassification.Of(stored.Item, year, sent.AsOf);
            sent.Classes.TryGetValue(stored.Id, out var then);
            if (then == current) continue;
            var later = (await facts.ForItemAsync(stored.Id, cancellationToken).ConfigureAwait(false)).Where(f => f.RecordedAt >= sent.SentAt || f.UndoneAt >= sent.SentAt).ToList();
            var why = later.Count > 0
                ? "发送后记录的事实 (facts recorded after sending): " + string.Join("; ", later.Select(f =>
                    $"{f.Fact.Kind.Code()} {CliDate.Iso(f.Fact.On)} {(f.Stands ? "" : "(undone) ")}{f.RecordedBy} {f.Via} {ledger.Shown(f.UndoneAt ?? f.RecordedAt)}"))
                : "设置或口径变化 (a changed setting or definition)";
            lines.Add($"{stored.Item.Key}: 发送时 {then ?? "(不在报告中 not in the report)"}, 现在 {current}; {why}");
        }
        return lines;
    }

    // The leaves of two JSON documents that differ, by path: "kinds.npc.assigned 6 → 7".
    private static List<(string Path, string Then, string Now)> Moved(string then, string now)
    {
        var a = Leaves(JsonDocument.Parse(then).RootElement, "");
        var b = Leaves(JsonDocument.Parse(now).RootElement, "");
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => (k, a.GetValueOrDefault(k) ?? "—", b.GetValueOrDefault(k) ?? "—")).ToList();
    }

    private static Dictionary<string, string> Leaves(JsonElement element, string path)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    foreach (var leaf in Leaves(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}")) leaves[leaf.Key] = leaf.Value;
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var entry in element.EnumerateArray())
                {
                    // A division's row is named by its division and kind, not by its place in the list.
                    var name = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("division", out var d) && entry.TryGetProperty("kind", out var k)
                        ? $"{d.GetString()}/{k.GetString()}" : (i++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    foreach (var leaf in Leaves(entry, $"{path}[{name}]")) leaves[leaf.Key] = leaf.Value;
                }
                break;
            default:
                leaves[path] = element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText();
                break;
        }
        return leaves;
    }

    // The figures as the JSON format writes them, without the paragraph (its template may change without any figure moving).
    private static string Figures(YearReport report)
    {
        using var buffer = new MemoryStream();
        ReportFormats.Get("json").Write(report, "", buffer);
        var root = JsonDocument.Parse(buffer.ToArray()).RootElement;
        return JsonSerializer.Serialize(new { kinds = root.GetProperty("kinds"), divisions = root.GetProperty("divisions") });
    }

    private static string Settings(RateSettings settings) => JsonSerializer.Serialize(settings);
}
