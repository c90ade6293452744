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

    /// <summary>The ledger the items live in.</summary>
    public LedgerDatabase Database => database;

    /// <summary>
    /// Adds the items not in the ledger and updates those whose facts changed, by identity
    /// (kind, session, number), in one transaction: either the whole file lands or nothing does.
    /// </summary>
    public async Task<UpsertOutcome> UpsertAsync(IReadOnlyList<Item> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await UpsertAsync(connection, transaction, items, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The same upsert inside a transaction the caller holds (a streamed import writes chunk by chunk).</summary>
    public async Task<UpsertOutcome> UpsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Item> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(items);
        var existing = await ExistingAsync(connection, transaction, items.Select(i => i.Key), cancellationToken).ConfigureAwait(false);
        return await WriteAsync(connection, transaction, items, key => existing.TryGetValue(key, out var row) ? Read(row, row.UpdatedAt) : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The upsert of a chunk whose stored items the caller has already looked up with
    /// <see cref="FindManyAsync(DbConnection, DbTransaction, IEnumerable{ItemKey}, CancellationToken)"/>
    /// in the same transaction, so that a streamed import looks each chunk up once.
    /// </summary>
    public Task<UpsertOutcome> UpsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<Item> items, IReadOnlyDictionary<ItemKey, StoredItem> stored,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stored);
        var now = _clock.GetUtcNow();
        // The stored facts as read back: the derived columns are functions of them, written by the same code.
        return WriteAsync(connection, transaction, items, key => stored.TryGetValue(key, out var s) ? Read(WithId(ItemRow.From(s.Item, now), s.Id), s.UpdatedAt) : null, cancellationToken);
    }

    /// <summary>The stored items among <paramref name="keys"/> inside a caller's transaction, by identity, with their ids.</summary>
    public async Task<IReadOnlyDictionary<ItemKey, StoredItem>> FindManyAsync(
        DbConnection connection, DbTransaction? transaction, IEnumerable<ItemKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        var rows = await ExistingAsync(connection, transaction, keys, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => new StoredItem(r.Value.Id, r.Value.ToItem(), r.Value.UpdatedAt));
    }

    /// <summary>
    /// Brings the planner's statistics of the items table up to date inside the caller's transaction
    /// (PostgreSQL; its ANALYZE counts the transaction's own new rows). Without it, a table filled
    /// from empty in one transaction still looks empty, and a chunk's lookup by kind, session and
    /// numbers reads every stored row of the session: an import slower with every chunk. SQLite's
    /// planner takes the identity index without statistics; SQL Server updates its own.
    /// </summary>
    public async Task RefreshStatisticsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (database.Provider != StorageProvider.Postgres) return;
        await connection.ExecuteAsync(new CommandDefinition("ANALYZE items", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// After an import has committed: on PostgreSQL, VACUUM (ANALYZE) the items table, so that the
    /// visibility map lets the desk's year figures be read from their index alone (an index-only scan;
    /// a freshly loaded table sends every index entry back to the table until autovacuum comes by)
    /// and the planner knows the new rows. Pages already all-visible are skipped, so a small import
    /// costs little. Nothing to do on SQLite and SQL Server.
    /// </summary>
    public async Task TidyAfterImportAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (database.Provider != StorageProvider.Postgres) return;
        // VACUUM cannot run inside a transaction: the import's own has committed by now.
        await connection.ExecuteAsync(new CommandDefinition("VACUUM (ANALYZE) items", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// How the stored numbers of one kind and session are written, for an import that must notice a
    /// number which lost its leading zeros (Excel turns 编号 0012 into 12): whether any stored number
    /// starts with another character than 0, and the lengths of those that start with 0.
    /// </summary>
    public async Task<StoredNumbers> StoredNumbersAsync(
        DbConnection connection, DbTransaction? transaction, ItemKind kind, string session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(session);
        var parameters = new { Kind = kind.Code(), Session = session, Count = 1 };
        // Ranges on the identity index (kind, session, number): "0" <= number < "1" is every number that starts with 0.
        var others = await connection.QueryAsync<int>(new CommandDefinition(
            database.Dialect.SelectFirst("1", "items", "kind = @Kind AND session = @Session AND (number < '0' OR number >= '1')", "number", "@Count"),
            parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var lengths = new SortedSet<int>();
        await foreach (var number in connection.QueryUnbufferedAsync<string>(
            "SELECT number FROM items WHERE kind = @Kind AND session = @Session AND number >= '0' AND number < '1'", parameters, transaction)
            .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            lengths.Add(number.Length);
        }
        return new StoredNumbers(others.Any(), [.. lengths]);
    }

    /// <summary>
    /// Writes <paramref name="changed"/> over the item <paramref name="read"/> came from (a recorded fact
    /// changed it); false when someone wrote the item since it was read, or it is gone: read it again.
    /// </summary>
    public async Task<bool> SaveAsync(DbConnection connection, DbTransaction? transaction, StoredItem read, Item changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(changed);
        var row = ItemRow.From(changed, _clock.GetUtcNow());
        row.Id = read.Id;
        var parameters = new DynamicParameters(row);
        parameters.Add("Read", read.UpdatedAt);
        return await connection.ExecuteAsync(new CommandDefinition(ItemColumns.Update + " AND updated_at = @Read", parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>One item by identity, or null.</summary>
    public async Task<StoredItem?> FindAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One item by identity inside a caller's transaction, or null.</summary>
    public static async Task<StoredItem?> FindAsync(DbConnection connection, DbTransaction? transaction, ItemKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(key);
        var row = await connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(
            $"SELECT {ItemColumns.Select} FROM items WHERE kind = @Kind AND session = @Session AND number = @Number",
            new { Kind = key.Kind.Code(), key.Session, key.Number }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new StoredItem(row.Id, row.ToItem(), row.UpdatedAt);
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
        return row is null ? null : new StoredItem(row.Id, row.ToItem(), row.UpdatedAt);
    }

    /// <summary>The items with these database ids (a batch of reminders' items), by id.</summary>
    public async Task<IReadOnlyDictionary<long, Item>> FindByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<long, Item>();
        if (ids.Count == 0) return found;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Distinct().Chunk(LookupChunk))
        {
            var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
                $"SELECT {ItemColumns.Select} FROM items WHERE {database.Dialect.InList("id", "@Ids")}",
                new { Ids = chunk }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var row in rows) found[row.Id] = row.ToItem();
        }
        return found;
    }

    /// <summary>Items for <c>proposals list</c>, streamed in due-date order.</summary>
    public async IAsyncEnumerable<StoredItem> ListAsync(ItemFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new List<string>();
        if (filter.Year is not null) where.Add("assigned_on >= @YearStart AND assigned_on <= @YearEnd");
        if (filter.Kind is not null) where.Add("kind = @Kind");
        if (filter.Division is not null) where.Add(@"(lead_division = @Division OR co_divisions LIKE @DivisionLike ESCAPE '\')");
        if (filter.OverdueOnly || filter.DueWithinDays is not null)
        {
            where.Add("is_returned = 0 AND (settled_on IS NULL OR settled_on > @AsOf)");
        }
        // The due date in force: the re-handling one once the 不满意 evaluation is known; checked exactly below.
        // An extension approved after the as-of day was not in force on it (Item.DueInForceOn).
        const string dueInForce = "(CASE WHEN rehandle_due_on IS NOT NULL AND evaluated_on <= @AsOf THEN rehandle_due_on " +
            "WHEN extension_approved_on > @AsOf THEN COALESCE(due_before_extension, due_on) ELSE effective_due_on END)";
        if (filter.OverdueOnly) where.Add($"{dueInForce} < @AsOf");
        if (filter.DueWithinDays is not null) where.Add($"{dueInForce} <= @DueBy");
        var sql = $"SELECT {ItemColumns.Select} FROM items" +
                  (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) +
                  " ORDER BY effective_due_on, kind, session, number";
        var year = filter.Year ?? 1;
        var parameters = new
        {
            YearStart = new DateOnly(year, 1, 1),
            YearEnd = new DateOnly(year, 12, 31),
            Kind = filter.Kind?.Code(),
            filter.Division,
            DivisionLike = filter.Division is null ? null : "%" + Like.Escape(filter.Division) + "%",
            filter.AsOf,
            DueBy = filter.AsOf.AddDays(filter.DueWithinDays ?? 0),
        };
        await foreach (var stored in StreamAsync(sql, parameters, cancellationToken).ConfigureAwait(false))
        {
            var item = stored.Item;
            if (filter.Division is not null && item.LeadDivision != filter.Division && !item.CoDivisions.Contains(filter.Division, StringComparer.Ordinal)) continue;
            if (filter.OverdueOnly && !item.IsOverdue(filter.AsOf)) continue;
            if (filter.DueWithinDays is not null && !item.OwesAnswerOn(filter.AsOf)) continue;
            yield return stored;
        }
    }

    /// <summary>Every item assigned in <paramref name="year"/>, streamed: the input of the yearly figures.</summary>
    public IAsyncEnumerable<StoredItem> AssignedInYearAsync(int year, CancellationToken cancellationToken = default) =>
        // Read in id order by a plain scan on SQLite (see SqlDialect.Unindexed): a year of a large ledger fetched
        // row by row through the assigned_on index costs several scans of the whole table.
        StreamAsync(
            $"SELECT {ItemColumns.Select} FROM items WHERE {database.Dialect.Unindexed("assigned_on")} >= @YearStart " +
            $"AND {database.Dialect.Unindexed("assigned_on")} <= @YearEnd ORDER BY id",
            new { YearStart = new DateOnly(year, 1, 1), YearEnd = new DateOnly(year, 12, 31) }, cancellationToken);

    /// <summary>Items assigned before <paramref name="year"/> whose reply was published in it, by <paramref name="asOf"/>.</summary>
    public IAsyncEnumerable<StoredItem> PublishedEarlierItemsAsync(int year, DateOnly asOf, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"SELECT {ItemColumns.Select} FROM items WHERE published_on >= @YearStart AND published_on <= @AsOf AND assigned_on < @YearStart ORDER BY id",
            new { YearStart = new DateOnly(year, 1, 1), AsOf = asOf }, cancellationToken);

    /// <summary>
    /// The items a sweep on <paramref name="asOf"/> must look at: not settled by then, with a due date
    /// that can owe a reminder (<see cref="Item.EarliestDueOn"/>) on or before <paramref name="dueBy"/>.
    /// Two index-friendly parts: items still open today, and items settled only after <paramref name="asOf"/>
    /// (a sweep run as of a past day).
    /// </summary>
    public IAsyncEnumerable<StoredItem> SweepCandidatesAsync(DateOnly asOf, DateOnly dueBy, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"SELECT {ItemColumns.Select} FROM items WHERE settled_on IS NULL AND earliest_due_on <= @DueBy " +
            $"UNION ALL SELECT {ItemColumns.Select} FROM items WHERE settled_on > @AsOf AND earliest_due_on <= @DueBy",
            new { AsOf = asOf, DueBy = dueBy }, cancellationToken);

    private async IAsyncEnumerable<StoredItem> StreamAsync(string sql, object parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<ItemRow>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredItem(row.Id, row.ToItem(), row.UpdatedAt);
        }
    }

    private async Task<UpsertOutcome> WriteAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<Item> items, Func<ItemKey, ItemRow?> existing, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var inserts = new List<ItemRow>();
        var updates = new List<ItemRow>();
        foreach (var item in items)
        {
            var row = ItemRow.From(item, now);
            if (existing(item.Key) is not { } old) inserts.Add(row);
            else if (!old.SameFactsAs(row)) updates.Add(Read(WithId(row, old.Id), old.ReadAt));
        }
        await ImportCommands.ExecuteAsync(database.Provider, connection, transaction, ItemColumns.Insert, inserts, cancellationToken).ConfigureAwait(false);
        // Only over the row as it was read: a fact a division recorded meanwhile (through its link, on a server
        // where the import's reads do not lock) is never overwritten; the whole import is refused instead.
        var updated = await ImportCommands.ExecuteAsync(database.Provider, connection, transaction, ItemColumns.Update + " AND updated_at = @ReadAt", updates, cancellationToken).ConfigureAwait(false);
        if (updated != updates.Count)
        {
            throw new StorageException("导入期间台账中有事项被他人修改 (例如处室刚登记了答复), 未写入任何数据, 请重新导入 " +
                "(an item changed while the file was being imported, e.g. a division just recorded its reply; nothing was written: import the file again)");
        }
        return new UpsertOutcome(inserts.Count, updates.Count, items.Count - inserts.Count - updates.Count);
    }

    private static ItemRow Read(ItemRow row, DateTimeOffset readAt)
    {
        row.ReadAt = readAt;
        return row;
    }

    private static ItemRow WithId(ItemRow row, long id)
    {
        row.Id = id;
        return row;
    }

    private async Task<Dictionary<ItemKey, ItemRow>> ExistingAsync(
        DbConnection connection, DbTransaction? transaction, IEnumerable<ItemKey> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ItemKey, ItemRow>();
        foreach (var group in keys.GroupBy(k => (k.Kind, k.Session)))
        {
            foreach (var chunk in group.Select(k => k.Number).Distinct().Chunk(LookupChunk))
            {
                // SQLite prepares a statement per text: a list expanded into 500 parameters costs more to
                // prepare than to run, so it takes the numbers as one JSON array instead.
                var sqlite = database.Provider == StorageProvider.Sqlite;
                // The list as a typed string[] member: Dapper expands a list into parameters (SQL Server)
                // only when the member's declared type is a list, not when it is declared object.
                object parameters = sqlite
                    ? new { Kind = group.Key.Kind.Code(), group.Key.Session, Numbers = System.Text.Json.JsonSerializer.Serialize(chunk) }
                    : new { Kind = group.Key.Kind.Code(), group.Key.Session, Numbers = chunk };
                var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
                    $"SELECT {ItemColumns.Select} FROM items WHERE kind = @Kind AND session = @Session AND " +
                    (sqlite ? "number IN (SELECT value FROM json_each(@Numbers))" : database.Dialect.InList("number", "@Numbers")),
                    parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (var row in rows) found[new ItemKey(group.Key.Kind, row.Session, row.Number)] = row;
            }
        }
        return found;
    }
}
