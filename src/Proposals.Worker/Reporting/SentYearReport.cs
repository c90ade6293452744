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
        var settingsChanged = Settings(settings) != sent.Settings;
        if (settingsChanged)
        {
            lines.Add($"统计设置已变化: 发送时 {sent.Settings}, 现在 {Settings(settings)} (a setting changed since the report was sent)");
        }
        if (Figures(now) == sent.Figures && lines.Count == 0) return lines;
        await foreach (var stored in items.AssignedInYearAsync(year, cancellationToken).ConfigureAwait(false))
        {
            var current = ItemClassification.Of(stored.Item, year, sent.AsOf);
            sent.Classes.TryGetValue(stored.Id, out var then);
            if (then == current) continue;
            var later = (await facts.ForItemAsync(stored.Id, cancellationToken).ConfigureAwait(false)).Where(f => f.RecordedAt >= sent.SentAt || f.UndoneAt >= sent.SentAt).ToList();
            var why = later.Count > 0
                ? "发送后记录的事实 (facts recorded after sending): " + string.Join("; ", later.Select(f =>
                    $"{f.Fact.Kind.Code()} {CliDateText(f.Fact.On)} {(f.Stands ? "" : "(undone) ")}{f.RecordedBy} {f.Via} {ledger.Shown(f.UndoneAt ?? f.RecordedAt)}"))
                : "设置或口径变化 (a changed setting or definition)";
            lines.Add($"{stored.Item.Key}: 发送时 {then ?? "(不在报告中 not in the report)"}, 现在 {current}; {why}");
        }
        return lines;
    }

    private static string CliDateText(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
