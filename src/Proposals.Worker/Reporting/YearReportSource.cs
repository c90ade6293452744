using Proposals.Domain.Rates;
using Proposals.Storage;

namespace Proposals.Worker.Reporting;

/// <summary>Builds a year's figures from the ledger, streaming the items: only counts are held.</summary>
internal static class YearReportSource
{
    public static async Task<YearReport> BuildAsync(ItemStore items, int year, DateOnly asOf, RateSettings settings, CancellationToken cancellationToken = default)
    {
        var builder = new YearReportBuilder(year, asOf, settings);
        await foreach (var stored in items.AssignedInYearAsync(year, cancellationToken).ConfigureAwait(false)) builder.Add(stored.Item);
        // Items of earlier years whose reply was published this year count in this year's publications
        // (答复公开): read through the index on the publication date, not by reading earlier years.
        await foreach (var stored in items.PublishedEarlierItemsAsync(year, asOf, cancellationToken).ConfigureAwait(false)) builder.Add(stored.Item);
        return builder.Build();
    }
}
