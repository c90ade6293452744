using System.Data.Common;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>
/// The ledger database inside the one transaction of an import: every chunk is written into it
/// while the file is read, and the caller commits only when the whole file was good. After the first
/// problem the transaction is rolled back at once (releasing SQLite's write lock while the rest of
/// the file is checked) and the lookups go on outside it.
/// </summary>
internal sealed class TransactionLedger(ItemStore store, DbConnection connection, DbTransaction transaction) : IItemLedger
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
    public async Task<UpsertOutcome> WriteAsync(IReadOnlyList<Item> items, IReadOnlyDictionary<ItemKey, StoredItem> stored, CancellationToken cancellationToken)
    {
        if (_transaction is not { } open) throw new InvalidOperationException("the import's transaction was abandoned");
        var outcome = await store.UpsertAsync(connection, open, items, stored, cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc />
    public async Task AbandonAsync()
    {
        if (_transaction is not { } open) return;
        _transaction = null;
        await open.RollbackAsync().ConfigureAwait(false);
    }
}
