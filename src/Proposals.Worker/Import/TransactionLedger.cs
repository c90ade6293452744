using System.Data.Common;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>
/// The ledger database inside the one transaction of an import: every chunk is written into it
/// while the file is read, and the caller commits only when the whole file was good. After the first
/// problem the transaction is rolled back at once (releasing SQLite's write lock while the rest of
/// the file is checked) and the lookups go on outside it. Each history entry is kept with how the import
/// was made (<c>via</c>): <c>import</c> from the command line, <c>desk</c> from the browser.
/// </summary>
internal sealed class TransactionLedger(
    ItemStore store, FactStore facts, DbConnection connection, DbTransaction transaction, string by, TimeProvider clock, string via = "import") : IItemLedger
{
    private DbTransaction? _transaction = transaction;
    private long _written;
    private long _refreshAt = 2000;

    /// <summary>Whether the transaction still holds everything written (no problem so far).</summary>
    public bool Open => _transaction is not null;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ItemKey, StoredItem>> FindAsync(IReadOnlyCollection<ItemKey> keys, CancellationToken cancellationToken) =>
        store.FindManyAsync(connection, _transaction, keys, cancellationToken);

    /// <inheritdoc />
    public Task<StoredNumbers> NumbersAsync(ItemKind kind, string session, CancellationToken cancellationToken) =>
        store.StoredNumbersAsync(connection, _transaction, kind, session, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, List<RecordedFact>>> HistoryAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken) =>
        facts.ForItemsAsync(connection, _transaction, itemIds, cancellationToken);

    /// <inheritdoc />
    public async Task<UpsertOutcome> WriteAsync(IReadOnlyList<Item> items, IReadOnlyDictionary<ItemKey, StoredItem> stored, ImportHistory history, CancellationToken cancellationToken)
    {
        if (_transaction is not { } open) throw new InvalidOperationException("the import's transaction was abandoned");
        var outcome = await store.UpsertAsync(connection, open, items, stored, cancellationToken).ConfigureAwait(false);
        if (!history.IsEmpty) await WriteHistoryAsync(open, history, stored, cancellationToken).ConfigureAwait(false);
        _written += items.Count;
        if (_written >= _refreshAt)
        {
            // The table grows by orders of magnitude inside this transaction: each time it has doubled,
            // the planner learns its new size, or it goes on reading a chunk's lookups as if it were tiny.
            _refreshAt = _written * 2;
            await store.RefreshStatisticsAsync(connection, open, cancellationToken).ConfigureAwait(false);
        }
        return outcome;
    }

    // The ids of the items just added are read back by identity, once for the chunk.
    private async Task WriteHistoryAsync(DbTransaction open, ImportHistory history, IReadOnlyDictionary<ItemKey, StoredItem> stored, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var added = history.Facts.Keys.Concat(history.Changes.Keys).Where(k => !stored.ContainsKey(k)).Distinct().ToList();
        var ids = added.Count == 0 ? stored : new Dictionary<ItemKey, StoredItem>(stored.Concat(
            await store.FindManyAsync(connection, open, added, cancellationToken).ConfigureAwait(false)));
        var entries = history.Facts.SelectMany(p => p.Value.Select(f => new FactEntry(ids[p.Key].Id, f))).ToList();
        var marked = true;
        foreach (var reason in history.Undone.GroupBy(u => u.Value, u => u.Key))
        {
            marked &= await FactStore.MarkUndoneAsync(connection, open, reason.ToList(), by, reason.Key, now, cancellationToken).ConfigureAwait(false);
        }
        if (!marked)
        {
            throw new StorageException("导入期间台账的事实被他人撤销, 请重试 (a recorded fact was undone by someone else during the import; try again)");
        }
        await facts.InsertAsync(connection, open, entries, by, via, now, cancellationToken).ConfigureAwait(false);
        var changes = history.Changes.SelectMany(p => p.Value.Select(c => new ItemChange(ids[p.Key].Id, c.Field, c.Old, c.New))).ToList();
        await ItemChangeStore.InsertAsync(store.Database, connection, open, changes, by, via, now, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AbandonAsync()
    {
        if (_transaction is not { } open) return;
        _transaction = null;
        await open.RollbackAsync().ConfigureAwait(false);
    }
}
