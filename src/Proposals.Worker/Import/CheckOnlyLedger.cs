using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>
/// No ledger: every item is new and nothing is written, for checking a file without a database (a
/// ledger that does not exist yet); <see cref="Collected"/> keeps the items when the caller wants them.
/// </summary>
internal sealed class CheckOnlyLedger(bool collect = false) : IItemLedger
{
    private static readonly IReadOnlyDictionary<ItemKey, StoredItem> None = new Dictionary<ItemKey, StoredItem>();
    private readonly List<Item> _collected = [];

    /// <summary>The items of the chunks, in file order, when collecting.</summary>
    public IReadOnlyList<Item> Collected => _collected;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ItemKey, StoredItem>> FindAsync(IReadOnlyCollection<ItemKey> keys, CancellationToken cancellationToken) => Task.FromResult(None);

    /// <inheritdoc />
    public Task<StoredNumbers> NumbersAsync(ItemKind kind, string session, CancellationToken cancellationToken) => Task.FromResult(new StoredNumbers(false, []));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, List<RecordedFact>>> HistoryAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, List<RecordedFact>>>(new Dictionary<long, List<RecordedFact>>());

    /// <inheritdoc />
    public Task<UpsertOutcome> WriteAsync(IReadOnlyList<Item> items, IReadOnlyDictionary<ItemKey, StoredItem> stored, ImportHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (collect) _collected.AddRange(items);
        return Task.FromResult(new UpsertOutcome(items.Count, 0, 0));
    }

    /// <inheritdoc />
    public Task AbandonAsync()
    {
        _collected.Clear();
        return Task.CompletedTask;
    }
}
