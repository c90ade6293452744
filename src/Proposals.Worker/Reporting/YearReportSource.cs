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
        return builder.Build();
    }
}
