using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>The items of the ledger (台账): batched upserts, streamed reads.</summary>
public sealed class ItemStore(LedgerDatabase database, TimeProvider? clock = null)
{
    // Keeps each IN list well under every provider's parameter limit (SQL Server: 2100).
    private const int LookupChunk = 500;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Adds the items not in the ledger and updates those whose facts changed, by identity
    /// (kind, session, number), in one transaction: either the whole file lands or nothing does.
    /// </summary>
    public async Task<UpsertOutcome> UpsertAsync(IReadOnlyList<Item> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = _clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await ExistingAsync(connection, transaction, items.Select(i => i.Key), cancellationToken).ConfigureAwait(false);
        var inserts = new List<ItemRow>();
        var updates = new List<ItemRow>();
        foreach (var item in items)
        {
            var row = ItemRow.From(item, now);
            if (!existing.TryGetValue(item.Key, out var old)) inserts.Add(row);
            else if (!old.SameFactsAs(row))
            {
                row.Id = old.Id;
                updates.Add(row);
            }
        }
        await connection.ExecuteAsync(new CommandDefinition(ItemColumns.Insert, inserts, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(ItemColumns.Update, updates, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new UpsertOutcome(inserts.Count, updates.Count, items.Count - inserts.Count - updates.Count);
    }

    /// <summary>One item by identity, or null.</summary>
    public async Task<StoredItem?> FindAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(
            $"SELECT {ItemColumns.Select} FROM items WHERE kind = @Kind AND session = @Session AND number = @Number",
            new { Kind = key.Kind.Code(), key.Session, key.Number }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new StoredItem(row.Id, row.ToItem());
    }

    /// <summary>The stored items among <paramref name="keys"/>, by identity.</summary>
    public async Task<IReadOnlyDictionary<ItemKey, Item>> FindManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ExistingAsync(connection, null, keys, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => r.Value.ToItem());
    }

    /// <summary>One item by database id, or null.</summary>
    public async Task<StoredItem?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(
            $"SELECT {ItemColumns.Select} FROM items WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new StoredItem(row.Id, row.ToItem());
    }

    /// <summary>Items for <c>proposals list</c>, streamed in due-date order.</summary>
    public IAsyncEnumerable<StoredItem> ListAsync(ItemFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new List<string>();
        if (filter.Year is not null) where.Add("assigned_on >= @YearStart AND assigned_on <= @YearEnd");
        if (filter.OverdueOnly || filter.DueWithinDays is not null)
        {
            where.Add("is_returned = 0 AND (replied_on IS NULL OR replied_on > @AsOf)");
        }
        if (filter.OverdueOnly) where.Add("effective_due_on < @AsOf");
        if (filter.DueWithinDays is not null) where.Add("effective_due_on <= @DueBy");
        var sql = $"SELECT {ItemColumns.Select} FROM items" +
                  (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) +
                  " ORDER BY effective_due_on, kind, session, number";
        var year = filter.Year ?? 1;
        var parameters = new
        {
            YearStart = $"{year:D4}-01-01",
            YearEnd = $"{year:D4}-12-31",
            AsOf = DateText.Of(filter.AsOf),
            DueBy = DateText.Of(filter.AsOf.AddDays(filter.DueWithinDays ?? 0)),
        };
        return StreamAsync(sql, parameters, cancellationToken);
    }

    /// <summary>Every item assigned in <paramref name="year"/>, streamed: the input of the yearly figures.</summary>
    public IAsyncEnumerable<StoredItem> AssignedInYearAsync(int year, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"SELECT {ItemColumns.Select} FROM items WHERE assigned_on >= @YearStart AND assigned_on <= @YearEnd ORDER BY id",
            new { YearStart = $"{year:D4}-01-01", YearEnd = $"{year:D4}-12-31" }, cancellationToken);

    /// <summary>
    /// The items a sweep on <paramref name="asOf"/> must look at: not returned, not answered by then,
    /// with a due date (the reply's, or the co-divisions' input) on or before <paramref name="dueBy"/>. Two index-friendly parts: items still open today,
    /// and items answered only after <paramref name="asOf"/> (a sweep run as of a past day).
    /// </summary>
    public IAsyncEnumerable<StoredItem> SweepCandidatesAsync(DateOnly asOf, DateOnly dueBy, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"SELECT {ItemColumns.Select} FROM items WHERE replied_on IS NULL AND is_returned = 0 AND earliest_due_on <= @DueBy " +
            $"UNION ALL SELECT {ItemColumns.Select} FROM items WHERE replied_on > @AsOf AND is_returned = 0 AND earliest_due_on <= @DueBy",
            new { AsOf = DateText.Of(asOf), DueBy = DateText.Of(dueBy) }, cancellationToken);

    private async IAsyncEnumerable<StoredItem> StreamAsync(string sql, object parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<ItemRow>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredItem(row.Id, row.ToItem());
        }
    }

    private async Task<Dictionary<ItemKey, ItemRow>> ExistingAsync(
        DbConnection connection, DbTransaction? transaction, IEnumerable<ItemKey> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ItemKey, ItemRow>();
        foreach (var group in keys.GroupBy(k => (k.Kind, k.Session)))
        {
            foreach (var chunk in group.Select(k => k.Number).Distinct().Chunk(LookupChunk))
            {
                var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
                    $"SELECT {ItemColumns.Select} FROM items WHERE kind = @Kind AND session = @Session AND {database.Dialect.InList("number", "@Numbers")}",
                    new { Kind = group.Key.Kind.Code(), group.Key.Session, Numbers = chunk }, transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (var row in rows) found[new ItemKey(group.Key.Kind, row.Session, row.Number)] = row;
            }
        }
        return found;
    }
}
