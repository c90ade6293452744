using System.Data.Common;
using Dapper;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>
/// The history of the dated facts recorded about items (签收, 答复, 协办意见送达, 退回申请, 退回决定, 延期,
/// 测评, 答复公开): each with who recorded it, when and through what (import, link, record, desk), written
/// together with the item it changes. A fact is never deleted: taken back, it is marked undone, with who,
/// when and why.
/// </summary>
public sealed class FactStore(LedgerDatabase database, ItemStore items, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private const string Insert =
        "INSERT INTO facts (item_id, kind, division, on_date, reply_class, satisfaction, to_date, reason, approved_on, approved_by, decision, " +
        "override_reason, recorded_at, recorded_by, via) " +
        "VALUES (@ItemId, @Kind, @Division, @On, @Class, @Satisfaction, @To, @Reason, @ApprovedOn, @ApprovedBy, @Decision, @Override, @Now, @By, @Via)";

    private const string Columns =
        "id AS Id, item_id AS ItemId, kind AS Kind, division AS Division, on_date AS OnDate, reply_class AS ReplyClass, satisfaction AS Satisfaction, " +
        "to_date AS ToDate, reason AS Reason, approved_by AS ApprovedBy, decision AS Decision, override_reason AS OverrideReason, " +
        "recorded_at AS RecordedAt, recorded_by AS RecordedBy, via AS Via, undone_at AS UndoneAt, undone_by AS UndoneBy, undo_reason AS UndoReason";

    /// <summary>
    /// Records <paramref name="fact"/> and, when given, writes <paramref name="changed"/> over the item it
    /// was read as (<paramref name="read"/>), in one transaction. False, and nothing written, when someone
    /// wrote the item since it was read: read it again and decide again.
    /// </summary>
    public Task<bool> RecordAsync(StoredItem read, Item? changed, LedgerFact fact, string by, string via, CancellationToken cancellationToken = default) =>
        RecordAsync(read, changed, fact, by, via, link: null, cancellationToken);

    /// <summary>
    /// As the overload without <paramref name="link"/>, with the use of a division's link written first
    /// in the same transaction: when another request used that link first, nothing is written and
    /// <see cref="LinkUsedException"/> is thrown.
    /// </summary>
    public async Task<bool> RecordAsync(StoredItem read, Item? changed, LedgerFact fact, string by, string via, LinkUse? link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(fact);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // A link records once: its key in link_uses decides between requests using it at the same moment.
        if (link is not null && !await LinkUseStore.UseAsync(connection, transaction, database.Dialect, link, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            throw new LinkUsedException();
        }
        if (changed is not null && !await items.SaveAsync(connection, transaction, read, changed, cancellationToken).ConfigureAwait(false))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
        await InsertAsync(connection, transaction, [new FactEntry(read.Id, fact)], by, via, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Marks <paramref name="undone"/> taken back and writes <paramref name="changed"/> over the item it was
    /// read as, in one transaction; false when someone wrote the item since it was read.
    /// </summary>
    public async Task<bool> UndoAsync(StoredItem read, Item changed, RecordedFact undone, string by, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(undone);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await items.SaveAsync(connection, transaction, read, changed, cancellationToken).ConfigureAwait(false)
            || !await MarkUndoneAsync(connection, transaction, [undone.Id], by, reason, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Writes facts inside a caller's transaction (an import's chunk), all recorded at <paramref name="now"/>.</summary>
    public async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<FactEntry> facts, string by, string via, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Count == 0) return;
        var rows = facts.Select(e => new FactInsertRow
        {
            ItemId = e.ItemId, Kind = e.Fact.Kind.Code(), Division = e.Fact.Division, On = e.Fact.On, Class = e.Fact.Class?.ToString(),
            Satisfaction = e.Fact.Satisfaction?.Code(), To = e.Fact.To, Reason = e.Fact.Reason,
            ApprovedOn = e.Fact.Kind == FactKind.Extension ? e.Fact.On : null, ApprovedBy = e.Fact.DecidedBy, Decision = e.Fact.Decision?.Code(),
            Override = e.Fact.Override, Now = now, By = by, Via = via,
        }).ToList();
        await ImportCommands.ExecuteAsync(database.Provider, connection, transaction, Insert, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks facts undone inside a caller's transaction; false when one of them was undone meanwhile.</summary>
    public static async Task<bool> MarkUndoneAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<long> ids, string by, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(ids);
        var marked = 0;
        foreach (var id in ids)
        {
            marked += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE facts SET undone_at = @Now, undone_by = @By, undo_reason = @Reason WHERE id = @Id AND undone_at IS NULL",
                new { Id = id, Now = now, By = by, Reason = reason }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        return marked == ids.Count;
    }

    /// <summary>Whether a fact of <paramref name="kind"/> by <paramref name="division"/>, not undone, is already recorded for the item.</summary>
    public async Task<bool> HasAsync(long itemId, FactKind kind, string? division, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM facts WHERE item_id = @ItemId AND kind = @Kind AND division = @Division AND undone_at IS NULL",
            new { ItemId = itemId, Kind = kind.Code(), Division = division }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>The facts recorded for an item, undone ones included, in the order they were recorded.</summary>
    public async Task<IReadOnlyList<RecordedFact>> ForItemAsync(long itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await ForItemsAsync(connection, null, [itemId], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(itemId, out var facts) ? facts : [];
    }

    /// <summary>The facts recorded for several items inside a caller's transaction, undone ones included, by item, in recorded order.</summary>
    public async Task<IReadOnlyDictionary<long, List<RecordedFact>>> ForItemsAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(itemIds);
        var found = new Dictionary<long, List<RecordedFact>>();
        foreach (var chunk in itemIds.Distinct().Chunk(500))
        {
            var rows = await connection.QueryAsync<FactRow>(new CommandDefinition(
                $"SELECT {Columns} FROM facts WHERE {database.Dialect.InList("item_id", "@Ids")} ORDER BY id",
                new { Ids = chunk }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (!found.TryGetValue(row.ItemId, out var list)) found[row.ItemId] = list = [];
                list.Add(row.ToRecorded());
            }
        }
        return found;
    }

    private sealed class FactInsertRow
    {
        public long ItemId { get; set; }
        public string Kind { get; set; } = "";
        public string? Division { get; set; }
        public DateOnly On { get; set; }
        public string? Class { get; set; }
        public string? Satisfaction { get; set; }
        public DateOnly? To { get; set; }
        public string? Reason { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? ApprovedBy { get; set; }
        public string? Decision { get; set; }
        public string? Override { get; set; }
        public DateTimeOffset Now { get; set; }
        public string By { get; set; } = "";
        public string Via { get; set; } = "";
    }

    private sealed class FactRow
    {
        public long Id { get; set; }
        public long ItemId { get; set; }
        public string Kind { get; set; } = "";
        public string? Division { get; set; }
        public DateOnly OnDate { get; set; }
        public string? ReplyClass { get; set; }
        public string? Satisfaction { get; set; }
        public DateOnly? ToDate { get; set; }
        public string? Reason { get; set; }
        public string? ApprovedBy { get; set; }
        public string? Decision { get; set; }
        public string? OverrideReason { get; set; }
        public DateTimeOffset RecordedAt { get; set; }
        public string RecordedBy { get; set; } = "";
        public string Via { get; set; } = "";
        public DateTimeOffset? UndoneAt { get; set; }
        public string? UndoneBy { get; set; }
        public string? UndoReason { get; set; }

        public RecordedFact ToRecorded() => new(
            Id,
            new LedgerFact(FactKinds.Parse(Kind) ?? throw new StorageException($"facts.kind holds an unknown kind '{Kind}' (id {Id})"), OnDate, Division,
                ReplyClasses.Parse(ReplyClass), Satisfactions.Parse(Satisfaction), ToDate, Reason, ReturnDecisions.Parse(Decision), ApprovedBy, OverrideReason),
            RecordedAt, RecordedBy, Via)
        {
            UndoneAt = UndoneAt, UndoneBy = UndoneBy, UndoReason = UndoReason,
        };
    }
}

/// <summary>A fact to write about the item with database id <paramref name="ItemId"/>.</summary>
public sealed record FactEntry(long ItemId, LedgerFact Fact);

/// <summary>A fact as recorded: what, when, by whom and how; and, once taken back, when, by whom and why.</summary>
/// <param name="Id">Its row in the history.</param>
/// <param name="Fact">The fact.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">Who recorded it: a user, a division (link), the system user of a command.</param>
/// <param name="Via">How: import, link, record, desk.</param>
public sealed record RecordedFact(long Id, LedgerFact Fact, DateTimeOffset RecordedAt, string RecordedBy, string Via)
{
    /// <summary>When it was taken back; null while it stands.</summary>
    public DateTimeOffset? UndoneAt { get; init; }

    /// <summary>Who took it back.</summary>
    public string? UndoneBy { get; init; }

    /// <summary>Why it was taken back.</summary>
    public string? UndoReason { get; init; }

    /// <summary>Whether it still stands.</summary>
    public bool Stands => UndoneAt is null;
}
