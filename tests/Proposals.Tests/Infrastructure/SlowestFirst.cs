using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Proposals.Tests.Infrastructure.SlowestFirst", "Proposals.Tests")]

namespace Proposals.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first, so that the run does not end with one of them
/// going on alone: the in-process workers' collection runs its classes one after another, and the
/// others each hold a server, a database or child processes for tens of seconds. The rest keep
/// xunit's own order.
/// </summary>
public sealed class SlowestFirst : ITestCollectionOrderer
{
    // Longest first, as the suite's trx durations show them on two cores.
    private static readonly string[] Slowest =
    [
        Hosting.InProcessWorkerCollection.Name,
        "Production.SeveralWorkersTests",
        "Storage.PostgresReminderStoreTests",
        "Sweep.SeedYearReplayTests",
        "Storage.PostgresItemStoreTests",
        "Sweep.SweepFaultTests",
        "Production.ProvidersCliTests",
        Smtp4devCollection.Name,
        Smtp4devTlsCollection.Name,
        "Storage.PostgresReportRunStoreTests",
        "Import.StreamingImportTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ToList();

    private static int Rank(ITestCollection collection)
    {
        for (var i = 0; i < Slowest.Length; i++)
        {
            if (collection.DisplayName == Slowest[i] || collection.DisplayName.EndsWith("Proposals.Tests." + Slowest[i], StringComparison.Ordinal)) return i;
        }
        return Slowest.Length;
    }
}
