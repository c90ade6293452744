using Dapper;

namespace Proposals.Storage;

/// <summary>
/// The reminder record: what each sweep decided, and the claim-send-mark life of every email.
/// A row is claimed before its email is sent and marked after; a retried job or a second worker
/// finds it claimed or sent and leaves it alone.
/// </summary>
public sealed class ReminderStore(LedgerDatabase database, TimeProvider? clock = null)
{
    private const int LookupChunk = 500;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly (string Column, string Value)[] RecordColumns =
    [
        ("item_id", "@ItemId"), ("division", "@Division"), ("role", "@Role"), ("stage", "@Stage"), ("due_on", "@DueOn"),
        ("planned_on", "@PlannedOn"), ("state", "@State"), ("attempts", "0"), ("created_at", "@CreatedAt"),
    ];

    private static readonly string[] RecordKey = ["item_id", "division", "stage", "due_on"];

    /// <summary>
    /// The stages already recorded for these items, by item id: what a sweep must not decide again.
    /// Superseded rows are left out: each is older than a recorded stage of the same item, division
    /// and due date, which settles it, and an item overdue for years has many of them.
    /// </summary>
    public async Task<ILookup<long, RecordedStage>> RecordedForAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken = default)
    {
        var rows = new List<RecordedStage>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in itemIds.Chunk(LookupChunk))
        {
            rows.AddRange(await connection.QueryAsync<RecordedStage>(new CommandDefinition(
                "SELECT item_id AS ItemId, division AS Division, stage AS Stage, due_on AS DueOn FROM reminders " +
                $"WHERE {database.Dialect.InList("item_id", "@Ids")} AND state <> @Superseded",
                new { Ids = chunk, Superseded = ReminderState.Superseded }, cancellationToken: cancellationToken)).ConfigureAwait(false));
        }
        return rows.ToLookup(r => r.ItemId);
    }

    /// <summary>
    /// Records what a sweep decided, in one transaction. A key already recorded is left as it is, so
    /// two sweeps at once, or the same sweep twice, record each reminder once. Older rows of the same
    /// item and division still owed (never sent, e.g. while the mail server was down) give way to
    /// the newest stage: only the latest owed stage is sent.
    /// </summary>
    /// <returns>How many new rows were written.</returns>
    public async Task<int> RecordAsync(IReadOnlyList<DecidedReminder> decided, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        if (decided.Count == 0) return 0;
        var now = DateText.Instant(_clock.GetUtcNow());
        var rows = decided.Select(d => new
        {
            d.ItemId, d.Division, d.Role, d.Stage, DueOn = DateText.Of(d.DueOn), PlannedOn = DateText.Of(d.PlannedOn), d.State, CreatedAt = now,
        }).ToList();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("reminders", RecordColumns, RecordKey),
            rows, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Superseded WHERE item_id = @ItemId AND division = @Division AND state = @Owed " +
            "AND (planned_on < @PlannedOn OR due_on <> @DueOn)",
            rows.Where(r => r.State == ReminderState.Owed).Select(r => new
            {
                r.ItemId, r.Division, r.PlannedOn, r.DueOn, Superseded = ReminderState.Superseded, Owed = ReminderState.Owed,
            }), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>
    /// The ids of rows waiting to be sent: owed ones, and those whose claim lapsed. With
    /// <paramref name="idleFor"/>, only owed rows nobody has tried for that long: those whose send
    /// job was lost or gave up, not those a job is still retrying.
    /// </summary>
    public async Task<IReadOnlyList<long>> PendingAsync(TimeSpan claimLapse, int limit = 10_000, TimeSpan idleFor = default, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM reminders WHERE (state = @Owed AND COALESCE(claimed_at, created_at) <= @IdleBefore) " +
            "OR (state = @Sending AND claimed_at < @LapsedBefore) ORDER BY id " + database.Dialect.Limit("@Limit"),
            new
            {
                Owed = ReminderState.Owed, Sending = ReminderState.Sending, IdleBefore = DateText.Instant(now - idleFor),
                LapsedBefore = DateText.Instant(now - claimLapse), Limit = limit,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.ToList();
    }

    /// <summary>
    /// Claims a row for sending. Succeeds for one caller only: the row must be owed, or stuck in
    /// sending for longer than <paramref name="claimLapse"/> (its sender died). Null when another
    /// sender has it, or it is already sent, superseded or failed.
    /// </summary>
    public async Task<ClaimedReminder?> ClaimAsync(long id, string sender, TimeSpan claimLapse, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Who held the claim before: after the update the row names the new sender only.
        var before = await connection.QuerySingleOrDefaultAsync<(string State, string? ClaimedBy)>(new CommandDefinition(
            "SELECT state, claimed_by FROM reminders WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Sending, claimed_at = @Now, claimed_by = @Sender, attempts = attempts + 1 " +
            "WHERE id = @Id AND (state = @Owed OR (state = @Sending AND claimed_at < @LapsedBefore))",
            new
            {
                Id = id, Sending = ReminderState.Sending, Owed = ReminderState.Owed, Sender = sender,
                Now = DateText.Instant(now), LapsedBefore = DateText.Instant(now - claimLapse),
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        var row = await connection.QuerySingleAsync<ReminderRecord>(new CommandDefinition(
            $"SELECT {ReminderRecord.Columns} FROM reminders WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ClaimedReminder(row, before.State == ReminderState.Sending, before.ClaimedBy);
    }

    /// <summary>Marks a claimed row sent, with the Message-ID and the recipients it went to.</summary>
    public Task<bool> MarkSentAsync(long id, string sender, string messageId, string recipients, CancellationToken cancellationToken = default) =>
        FinishAsync(id, sender, ReminderState.Sent, null, messageId, recipients, cancellationToken);

    /// <summary>Marks a claimed row failed for good, keeping the server's words.</summary>
    public Task<bool> MarkFailedAsync(long id, string sender, string error, CancellationToken cancellationToken = default) =>
        FinishAsync(id, sender, ReminderState.Failed, error, null, null, cancellationToken);

    /// <summary>Marks a claimed row cancelled: the item no longer owes it (answered, returned, extended).</summary>
    public Task<bool> MarkCancelledAsync(long id, string sender, string reason, CancellationToken cancellationToken = default) =>
        FinishAsync(id, sender, ReminderState.Cancelled, reason, null, null, cancellationToken);

    /// <summary>Gives a claimed row back after a transient failure: it stays owed, with the reason.</summary>
    public Task<bool> ReleaseAsync(long id, string sender, string error, CancellationToken cancellationToken = default) =>
        FinishAsync(id, sender, ReminderState.Owed, error, null, null, cancellationToken);

    /// <summary>One row by id.</summary>
    public async Task<ReminderRecord?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<ReminderRecord>(new CommandDefinition(
            $"SELECT {ReminderRecord.Columns} FROM reminders WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>How many rows are in each state.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM reminders GROUP BY state", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.State, r => r.Count);
    }

    private async Task<bool> FinishAsync(long id, string sender, string state, string? error, string? messageId, string? recipients, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @State, last_error = COALESCE(@Error, last_error), message_id = COALESCE(@MessageId, message_id), " +
            "recipients = COALESCE(@Recipients, recipients), sent_at = CASE WHEN @State = @Sent THEN @Now ELSE sent_at END " +
            "WHERE id = @Id AND state = @Sending AND claimed_by = @Sender",
            new
            {
                Id = id, State = state, Error = error, MessageId = messageId, Recipients = recipients, Sender = sender,
                Sending = ReminderState.Sending, Sent = ReminderState.Sent, Now = DateText.Instant(_clock.GetUtcNow()),
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }
}
