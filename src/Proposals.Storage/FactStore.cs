using Dapper;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>
/// The dated facts recorded about items (签收, 答复, 协办意见送达, 退回, 延期, 测评, 答复公开), each with who
/// recorded it and how (a command, a division's link, the coordinator's desk), written together
/// with the item it changes.
/// </summary>
public sealed class FactStore(LedgerDatabase database, ItemStore items, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private const string Insert =
        "INSERT INTO facts (item_id, kind, division, on_date, reply_class, satisfaction, to_date, reason, recorded_at, recorded_by, via) " +
        "VALUES (@ItemId, @Kind, @Division, @On, @Class, @Satisfaction, @To, @Reason, @Now, @By, @Via)";

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
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            ItemId = read.Id, Kind = fact.Kind.Code(), fact.Division, fact.On, Class = fact.Class?.ToString(),
            Satisfaction = fact.Satisfaction?.Code(), fact.To, fact.Reason, Now = _clock.GetUtcNow(), By = by, Via = via,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether a fact of <paramref name="kind"/> by <paramref name="division"/> is already recorded for the item.</summary>
    public async Task<bool> HasAsync(long itemId, FactKind kind, string? division, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM facts WHERE item_id = @ItemId AND kind = @Kind AND division = @Division",
            new { ItemId = itemId, Kind = kind.Code(), Division = division }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>The facts recorded for an item, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedFact>> ForItemAsync(long itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FactRow>(new CommandDefinition(
            "SELECT kind AS Kind, division AS Division, on_date AS OnDate, reply_class AS ReplyClass, satisfaction AS Satisfaction, " +
            "to_date AS ToDate, reason AS Reason, recorded_at AS RecordedAt, recorded_by AS RecordedBy, via AS Via " +
            "FROM facts WHERE item_id = @ItemId ORDER BY id", new { ItemId = itemId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new RecordedFact(
            new LedgerFact(FactKinds.Parse(r.Kind) ?? throw new StorageException($"facts.kind holds an unknown kind '{r.Kind}'"), r.OnDate, r.Division,
                ReplyClasses.Parse(r.ReplyClass), Satisfactions.Parse(r.Satisfaction), r.ToDate, r.Reason),
            r.RecordedAt, r.RecordedBy, r.Via)).ToList();
    }

    private sealed class FactRow
    {
        public string Kind { get; set; } = "";
        public string? Division { get; set; }
        public DateOnly OnDate { get; set; }
        public string? ReplyClass { get; set; }
        public string? Satisfaction { get; set; }
        public DateOnly? ToDate { get; set; }
        public string? Reason { get; set; }
        public DateTimeOffset RecordedAt { get; set; }
        public string RecordedBy { get; set; } = "";
        public string Via { get; set; } = "";
    }
}

/// <summary>A fact as recorded: what, when, by whom and how.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="RecordedBy">Who recorded it: a user, a division (link), the system user of a command.</param>
/// <param name="Via">How: command, link, dashboard.</param>
public sealed record RecordedFact(LedgerFact Fact, DateTimeOffset RecordedAt, string RecordedBy, string Via);
