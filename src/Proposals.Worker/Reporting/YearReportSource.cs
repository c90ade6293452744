using Proposals.Domain.Rates;
using Proposals.Storage;

namespace Proposals.Worker.Reporting;

/// <summary>Builds a year's figures from the ledger, streaming the items: only counts are held.</summary>
internal static class YearReportSource
{
    public static async Task<YearReport> BuildAsync(ItemStore items, int year, DateOnly asOf, RateSettings settings, CancellationToken cancellationToken = default)
    {
        var builder = new YearReportBuilder(year, asOf, settings);
        // Last year's items too: a reply published in January for an item of December counts in this
        // year's publications (答复公开). Older items are not read: their replies are long published.
        await foreach (var stored in items.AssignedInYearAsync(year - 1, cancellationToken).ConfigureAwait(false)) builder.Add(stored.Item);
        await foreach (var stored in items.AssignedInYearAsync(year, cancellationToken).ConfigureAwait(false)) builder.Add(stored.Item);
        return builder.Build();
    }
}
