using System.Data.Common;
using Dapper;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Storage;

/// <summary>
/// The reminder record and the senders' queue in one: what each sweep decided, and the
/// claim-send-mark life of every email. Senders claim batches of due rows under a lease, send,
/// and mark each row; a failed attempt waits for its next attempt time; a row held by a sender that
/// died is taken again once the lease lapses.
/// </summary>
public sealed partial class ReminderStore(LedgerDatabase database, TimeProvider? clock = null)
{
    private const int LookupChunk = 500;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly (string Column, string Value)[] RecordColumns =
    [
        ("item_id", "@ItemId"), ("division", "@Division"), ("role", "@Role"), ("round", "@Round"), ("stage", "@Stage"),
        ("due_on", "@DueOn"), ("planned_on", "@PlannedOn"), ("state", "@Owed"), ("attempts", "0"),
        ("next_attempt_at", "@Now"), ("created_at", "@Now"), ("notice", "@Notice"),
    ];

    private static readonly string[] RecordKey = ["item_id", "division", "stage", "due_on"];

    private static readonly string Owed = ReminderState.Owed.Code(), Sending = ReminderState.Sending.Code(), Sent = ReminderState.Sent.Code(),
        Superseded = ReminderState.Superseded.Code(), Failed = ReminderState.Failed.Code(), Cancelled = ReminderState.Cancelled.Code(),
        Uncertain = ReminderState.Uncertain.Code(), Dismissed = ReminderState.Dismissed.Code();

    // Stages beside a due date's line: they neither give way nor make others give way.
    private static readonly ReminderStage Ack = ReminderStage.Acknowledge, CoLate = ReminderStage.CoInputLate;

    /// <summary>
    /// The stages recorded for these items (superseded rows aside), by item id: the latest of each
    /// division and due date settles every stage before it, so a sweep never decides them again.
    /// </summary>
    public async Task<ILookup<long, RecordedStage>> RecordedForAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var rows = new List<RecordedStage>();
        if (itemIds.Count == 0) return rows.ToLookup(r => r.ItemId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in itemIds.Chunk(LookupChunk))
        {
            rows.AddRange(await connection.QueryAsync<RecordedStage>(new CommandDefinition(
                "SELECT item_id AS ItemId, division AS Division, due_on AS DueOn, stage AS Stage, round AS Round, state AS State FROM reminders " +
                $"WHERE {database.Dialect.InList("item_id", "@Ids")} AND state <> @Superseded",
                new { Ids = chunk, Superseded }, cancellationToken: cancellationToken)).ConfigureAwait(false));
        }
        return rows.ToLookup(r => r.ItemId);
    }

    /// <summary>
    /// Records what a sweep decided, owed from now, in one transaction. A key already recorded is left
    /// as it is, so two sweeps at once, or the same sweep twice, record each reminder once. An older
    /// stage of the same item, division and role still owed (never sent, e.g. while the mail server
    /// was down), or one of an earlier due date, gives way: it is marked superseded, never sent.
    /// </summary>
    /// <returns>How many new rows were written.</returns>
    public async Task<int> RecordAsync(IReadOnlyList<DecidedReminder> decided, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        if (decided.Count == 0) return 0;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = await RecordAsync(connection, transaction, decided, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    private async Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DecidedReminder> decided, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var rows = decided.Select(d => new
        {
            d.ItemId, d.Division, Role = d.Role.Code(), Round = d.Round.Code(), d.Stage, d.DueOn, d.PlannedOn, Owed, Now = now,
            d.Notice, Superseded, Ack, CoLate, Error = SupersededBy(d.Stage),
        }).ToList();
        var written = await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("reminders", RecordColumns, RecordKey),
            rows, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        // 签收 and 协办意见超期 run beside a due date's line: they neither give way nor make others give way.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Superseded, last_error = @Error WHERE item_id = @ItemId AND division = @Division AND role = @Role " +
            "AND state = @Owed AND stage NOT IN (@Ack, @CoLate) AND NOT (stage = @Stage AND due_on = @DueOn) " +
            "AND (planned_on < @PlannedOn OR due_on <> @DueOn)",
            rows.Where(r => r.Stage.IsOnTheLine), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return written;
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> rows that are due: owed with their next attempt time
    /// come, or held by a sender whose lease lapsed. Each row goes to one caller only.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedReminder>> ClaimAsync(TimeSpan leaseFor, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var now = _clock.GetUtcNow();
        var lease = Lease.Take(now, leaseFor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var candidates = (await connection.QueryAsync<(long Id, string State, string? LeaseOwner)>(new CommandDefinition(
            database.Dialect.SelectFirst("id, state, lease_owner", "reminders",
                "state IN (@Owed, @Sending) AND next_attempt_at <= @Now", "next_attempt_at, id", "@Batch"),
            new { Owed, Sending, Now = now, Batch = batchSize }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (candidates.Count == 0) return [];
        var ids = candidates.Select(c => c.Id).ToArray();
        // The state and time are checked again in the UPDATE: of two senders that picked the same row, one matches.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Sending, lease_owner = @Owner, next_attempt_at = @Until " +
            $"WHERE {database.Dialect.InList("id", "@Ids")} AND state IN (@Owed, @Sending) AND next_attempt_at <= @Now",
            new { Sending, Owed, lease.Owner, lease.Until, Ids = ids, Now = now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(
            $"SELECT {ReminderRow.Columns} FROM reminders WHERE lease_owner = @Owner AND state = @Sending AND {database.Dialect.InList("id", "@Ids")} ORDER BY next_attempt_at, id",
            new { lease.Owner, Sending, Ids = ids }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var before = candidates.ToDictionary(c => c.Id);
        return rows.Select(r => new ClaimedReminder(r.ToRecord(), lease,
            before[r.Id].State == Sending, Lease.Holder(before[r.Id].LeaseOwner))).ToList();
    }

    /// <summary>Claims one row, if it is owed (whatever its next attempt time) or its sender's lease lapsed; null otherwise.</summary>
    public async Task<ClaimedReminder?> ClaimOneAsync(long id, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var lease = Lease.Take(now, leaseFor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var before = await connection.QuerySingleOrDefaultAsync<(string State, string? LeaseOwner)>(new CommandDefinition(
            "SELECT state, lease_owner FROM reminders WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Sending, lease_owner = @Owner, next_attempt_at = @Until " +
            "WHERE id = @Id AND (state = @Owed OR (state = @Sending AND next_attempt_at <= @Now))",
            new { Sending, lease.Owner, lease.Until, Id = id, Owed, Now = now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (claimed == 0) return null;
        var row = await connection.QuerySingleAsync<ReminderRow>(new CommandDefinition(
            $"SELECT {ReminderRow.Columns} FROM reminders WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new ClaimedReminder(row.ToRecord(), lease, before.State == Sending, Lease.Holder(before.LeaseOwner));
    }

    /// <summary>Extends the lease on the rows a sender still holds (a slow server, a long batch); false when it holds none.</summary>
    public async Task<bool> RenewAsync(Lease lease, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET next_attempt_at = @Until WHERE lease_owner = @Owner AND state = @Sending",
            new { Until = until, lease.Owner, Sending }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>Marks a held row sent, with the Message-ID and where it went; false when the lease had passed to another sender.</summary>
    public async Task<bool> MarkSentAsync(long id, Lease lease, string messageId, string to, string? cc, CancellationToken cancellationToken = default) =>
        await MarkSentAsync([id], lease, messageId, to, cc, morning: null, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Marks a held row failed for good, keeping the server's words and, when known, where it was to go; false when the lease had passed.</summary>
    public async Task<bool> MarkFailedAsync(long id, Lease lease, string error, string? to = null, string? cc = null, CancellationToken cancellationToken = default) =>
        await MarkFailedAsync([id], lease, error, to, cc, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>
    /// Marks a held row uncertain: the whole message went out but the server's reply never came, so it may
    /// have been delivered. Its Message-ID and recipients are kept, so the coordinator can ask the
    /// recipient or the mail server's log; it is never sent again unless the coordinator resends it.
    /// </summary>
    public async Task<bool> MarkUncertainAsync(long id, Lease lease, string messageId, string to, string? cc, string reason, CancellationToken cancellationToken = default) =>
        await MarkUncertainAsync([id], lease, messageId, to, cc, reason, morning: null, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Marks a held row cancelled: the item no longer owes it (answered, returned, extended, reassigned).</summary>
    public Task<bool> MarkCancelledAsync(long id, Lease lease, string reason, CancellationToken cancellationToken = default) =>
        FinishAsync(id, lease, "state = @Cancelled, last_error = @Error", new { Cancelled, Error = reason }, cancellationToken);

    /// <summary>
    /// Marks a held row superseded by a newer stage of the same due date and records that stage, owed
    /// now, in one transaction: a reminder that waited past its day goes out as the stage owed today.
    /// </summary>
    public async Task<bool> SupersedeAsync(long id, Lease lease, DecidedReminder newer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(newer);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Superseded, last_error = @Error WHERE id = @Id AND state = @Sending AND lease_owner = @Owner",
            new { Superseded, Error = SupersededBy(newer.Stage), Id = id, Sending, lease.Owner },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 1) await RecordAsync(connection, transaction, [newer], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    // Shown in 催办记录 beside the superseded row: the stage by its Chinese name, then its code.
    private static string SupersededBy(ReminderStage stage) => $"已由 {stage.ChineseName} 取代 (superseded by {stage.Code})";

    /// <summary>
    /// A send of a held row failed for now: it stays owed until <paramref name="nextAttemptAt"/>, with the
    /// reason; after <paramref name="maxAttempts"/> failed attempts it is marked failed instead.
    /// </summary>
    /// <returns>The row's state afterwards (owed or failed); null when the lease had passed.</returns>
    public Task<ReminderState?> RetryLaterAsync(long id, Lease lease, string error, DateTimeOffset nextAttemptAt, int maxAttempts, CancellationToken cancellationToken = default) =>
        RetryLaterAsync([id], lease, error, nextAttemptAt, maxAttempts, cancellationToken);

    /// <summary>
    /// Gives held rows back untried (the mail server could not be reached at all): they stay owed from
    /// <paramref name="nextAttemptAt"/>, their attempts unchanged, with the reason.
    /// </summary>
    public async Task<int> ReleaseAsync(IReadOnlyCollection<long> ids, Lease lease, string reason, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(lease);
        if (ids.Count == 0) return 0;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var released = 0;
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            released += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE reminders SET state = @Owed, last_error = @Error, next_attempt_at = @Next " +
                $"WHERE {database.Dialect.InList("id", "@Ids")} AND state = @Sending AND lease_owner = @Owner",
                new { Owed, Error = reason, Next = nextAttemptAt, Ids = chunk, Sending, lease.Owner },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        return released;
    }

    /// <summary>
    /// A coordinator asks for a failed, cancelled, uncertain or dismissed reminder to be sent again: it
    /// becomes owed now, with its attempts counted afresh. False when the row is in none of those states.
    /// </summary>
    public async Task<bool> ResendAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Owed, attempts = 0, next_attempt_at = @Now, lease_owner = NULL " +
            "WHERE id = @Id AND state IN (@Failed, @Cancelled, @Uncertain, @Dismissed)",
            new { Owed, Now = _clock.GetUtcNow(), Id = id, Failed, Cancelled, Uncertain, Dismissed }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// A coordinator settles an uncertain or failed reminder without sending it again (it did arrive, or
    /// is no longer wanted), with who did it in its note. False when the row is neither.
    /// </summary>
    public async Task<bool> DismissAsync(long id, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Dismissed, last_error = " + database.Dialect.Concat("@Note", "COALESCE(last_error, '')") + ", lease_owner = NULL " +
            "WHERE id = @Id AND state IN (@Uncertain, @Failed)",
            new { Dismissed, Note = note, Id = id, Uncertain, Failed }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>One row by id.</summary>
    public async Task<ReminderRecord?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ReminderRow>(new CommandDefinition(
            $"SELECT {ReminderRow.Columns} FROM reminders WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    /// <summary>The rows <paramref name="query"/> asks for, newest first, streamed.</summary>
    public async IAsyncEnumerable<ReminderListing> ListAsync(ReminderQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        if (query.Item is not null) where.Add("i.kind = @Kind AND i.session = @Session AND i.number = @Number");
        if (query.Division is not null) where.Add("r.division = @Division");
        if (query.State is not null) where.Add("r.state = @State");
        if (query.Since is not null) where.Add("r.created_at >= @Since");
        if (query.Before is not null) where.Add("r.id < @Before");
        var columns = $"{ReminderRow.ColumnsOf("r")}, i.kind AS Kind, i.session AS Session, i.number AS Number, i.title AS Title";
        var condition = where.Count == 0 ? "1 = 1" : string.Join(" AND ", where);
        var sql = query.Limit is null
            ? $"SELECT {columns} FROM reminders r JOIN items i ON i.id = r.item_id WHERE {condition} ORDER BY r.id DESC"
            : database.Dialect.SelectFirst(columns, "reminders r JOIN items i ON i.id = r.item_id", condition, "r.id DESC", "@Limit");
        var parameters = new
        {
            Kind = query.Item?.Kind.Code(), query.Item?.Session, query.Item?.Number, query.Division, State = query.State?.Code(),
            query.Since, query.Before, query.Limit,
        };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<ListedRow>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Listing(row);
        }
    }

    private static ReminderListing Listing(ListedRow row) => new(row.ToRecord(),
        new ItemKey(ItemKinds.Parse(row.Kind) ?? throw new StorageException($"items.kind holds an unknown kind '{row.Kind}'"), row.Session, row.Number), row.Title);

    /// <summary>
    /// What the senders did since <paramref name="since"/>, for the coordinator's morning summary: rows
    /// sent since, and rows that failed or whose fate became unknown since, with their items.
    /// </summary>
    public async Task<IReadOnlyList<ReminderListing>> ActivitySinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ListedRow>(new CommandDefinition(
            $"SELECT {ReminderRow.ColumnsOf("r")}, i.kind AS Kind, i.session AS Session, i.number AS Number, i.title AS Title " +
            "FROM reminders r JOIN items i ON i.id = r.item_id " +
            "WHERE (r.state = @Sent AND r.sent_at >= @Since) OR (r.state IN (@Failed, @Uncertain) AND r.next_attempt_at >= @Since) ORDER BY r.division, r.id",
            new { Sent, Failed, Uncertain, Since = since }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(Listing).ToList();
    }

    /// <summary>
    /// The reminders that failed for good: how many in all, how many since <paramref name="since"/>, and
    /// the latest one's error (a failed row's next attempt time is when it failed).
    /// </summary>
    public async Task<ReminderFailures> FailuresAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = await connection.QuerySingleAsync<(long Total, long Recent)>(new CommandDefinition(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN next_attempt_at >= @Since THEN 1 ELSE 0 END), 0) FROM reminders WHERE state = @Failed",
            new { Failed, Since = since }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var latest = counts.Total == 0 ? null : await connection.QueryFirstOrDefaultAsync<ReminderRow>(new CommandDefinition(
            database.Dialect.SelectFirst(ReminderRow.Columns, "reminders", "state = @Failed", "next_attempt_at DESC, id DESC", "@One"),
            new { Failed, One = 1 }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new ReminderFailures(counts.Total, counts.Recent, latest?.ToRecord());
    }

    /// <summary>How many rows are in each state.</summary>
    public async Task<IReadOnlyDictionary<ReminderState, long>> CountByStateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM reminders GROUP BY state", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Where(r => ReminderStates.Parse(r.State) is not null).ToDictionary(r => ReminderStates.Parse(r.State)!.Value, r => r.Count);
    }

    /// <summary>The rows owed and due now (next attempt time come), the count a sender still has to do.</summary>
    public async Task<long> CountDueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM reminders WHERE state IN (@Owed, @Sending) AND next_attempt_at <= @Now",
            new { Owed, Sending, Now = _clock.GetUtcNow() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<bool> FinishAsync(long id, Lease lease, string set, object values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var parameters = new DynamicParameters(values);
        parameters.Add("Id", id);
        parameters.Add("Owner", lease.Owner);
        parameters.Add("Sending", Sending);
        parameters.Add("Now", _clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE reminders SET {set} WHERE id = @Id AND state = @Sending AND lease_owner = @Owner",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }
}
