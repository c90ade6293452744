using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>
/// Where a streamed import looks up and writes its chunks: the ledger database inside the import's
/// one transaction (<see cref="TransactionLedger"/>), or nothing at all when a file is only checked.
/// </summary>
internal interface IItemLedger
{
    /// <summary>The stored items among <paramref name="keys"/>.</summary>
    Task<IReadOnlyDictionary<ItemKey, StoredItem>> FindAsync(IReadOnlyCollection<ItemKey> keys, CancellationToken cancellationToken);

    /// <summary>How the stored numbers of a kind and session are written.</summary>
    Task<StoredNumbers> NumbersAsync(ItemKind kind, string session, CancellationToken cancellationToken);

    /// <summary>The recorded facts of the items with these ids, undone ones included.</summary>
    Task<IReadOnlyDictionary<long, List<RecordedFact>>> HistoryAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken);

    /// <summary>Writes a chunk whose stored items <paramref name="stored"/> holds, and what it adds to their history.</summary>
    Task<UpsertOutcome> WriteAsync(IReadOnlyList<Item> items, IReadOnlyDictionary<ItemKey, StoredItem> stored, ImportHistory history, CancellationToken cancellationToken);

    /// <summary>The file has a problem: nothing it holds will be written, so what was written goes now.</summary>
    Task AbandonAsync();
}
