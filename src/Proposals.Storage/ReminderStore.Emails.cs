using System.Data.Common;
using Dapper;
using Proposals.Domain.Reminders;

namespace Proposals.Storage;

/// <summary>A division's morning email of one working day: recorded when it goes, so the division gets no second that day.</summary>
/// <param name="Division">The division.</param>
/// <param name="Day">The working day.</param>
public sealed record MorningEmailDay(string Division, DateOnly Day);

public sealed partial class ReminderStore
{
    /// <summary>
    /// Claims up to <paramref name="emails"/> divisions' morning emails (Reminders:Grouping division): for
    /// each, every due row of that division, held together under one lease. A division is passed over
    /// while another sender holds rows of it, and once its email for <paramref name="day"/> went (sent,
    /// or its fate unknown): rows that become owed after that wait for the next working morning.
    /// Claims of several senders take turns on one row (<c>reminder_claims</c>), so a division's rows
    /// never split between two of them.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedEmail>> ClaimEmailsAsync(TimeSpan leaseFor, int emails, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(emails, 1);
        var now = _clock.GetUtcNow();
        var lease = Lease.Take(now, leaseFor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        List<(long Id, string State, string? LeaseOwner)> before;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE reminder_claims SET claims = claims + 1 WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var due = "state IN (@Owed, @Sending) AND next_attempt_at <= @Now";
            var divisions = (await connection.QueryAsync<string>(new CommandDefinition(
                database.Dialect.SelectFirst("division", "reminders",
                    $"{due} AND division NOT IN (SELECT division FROM division_emails WHERE day = @Day) " +
                    "AND division NOT IN (SELECT division FROM reminders WHERE state = @Sending AND next_attempt_at > @Now) GROUP BY division",
                    "MIN(next_attempt_at), division", "@Batch"),
                new { Owed, Sending, Now = now, Day = day, Batch = emails }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            if (divisions.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return [];
            }
            before = (await connection.QueryAsync<(long Id, string State, string? LeaseOwner)>(new CommandDefinition(
                $"SELECT id, state, lease_owner FROM reminders WHERE {due} AND {database.Dialect.InList("division", "@Divisions")}",
                new { Owed, Sending, Now = now, Divisions = divisions.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE reminders SET state = @Sending, lease_owner = @Owner, next_attempt_at = @Until WHERE {due} AND {database.Dialect.InList("division", "@Divisions")}",
                new { Sending, Owed, lease.Owner, lease.Until, Now = now, Divisions = divisions.ToArray() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(
            $"SELECT {ReminderRow.Columns} FROM reminders WHERE lease_owner = @Owner AND state = @Sending ORDER BY division, id",
            new { lease.Owner, Sending }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var earlier = before.ToDictionary(b => b.Id);
        return rows
            .Select(r => new ClaimedReminder(r.ToRecord(), lease,
                earlier.TryGetValue(r.Id, out var b) && b.State == Sending, earlier.TryGetValue(r.Id, out var p) ? Lease.Holder(p.LeaseOwner) : null))
            .GroupBy(c => c.Record.Division, StringComparer.Ordinal)
            .Select(g => new ClaimedEmail(g.Key, g.ToList()))
            .ToList();
    }

    private static readonly (string Column, string Value)[] SweepDayColumns = [("day", "@Day"), ("finished_at", "@Now")];

    /// <summary>Records that the sweep of <paramref name="day"/> has decided everything: the morning emails may go.</summary>
    public async Task MarkSweptAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("sweep_days", SweepDayColumns, ["day"]),
            new { Day = day, Now = _clock.GetUtcNow() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Whether a sweep of <paramref name="day"/> has finished deciding.</summary>
    public async Task<bool> SweptAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sweep_days WHERE day = @Day", new { Day = day }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// Owed rows due now that wait for a division's next working morning, its email of <paramref name="day"/>
    /// having gone (a mid-day import, a resend): not late, only waiting.
    /// </summary>
    public async Task<long> CountWaitingForMorningAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM reminders WHERE state = @Owed AND next_attempt_at <= @Now AND planned_on <= @Day " +
            "AND division IN (SELECT division FROM division_emails WHERE day = @Day)",
            new { Owed, Day = day, Now = _clock.GetUtcNow() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the owed row of <paramref name="decided"/>'s key under <paramref name="lease"/> (a sender found
    /// a newer stage owed and recorded it): it goes in the email being written. Null when it is not owed.
    /// </summary>
    public async Task<ReminderRecord?> HoldAsync(DecidedReminder decided, Lease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var key = new { decided.ItemId, decided.Division, decided.Stage, decided.DueOn };
        var held = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET state = @Sending, lease_owner = @Owner, next_attempt_at = @Until " +
            "WHERE item_id = @ItemId AND division = @Division AND stage = @Stage AND due_on = @DueOn AND state = @Owed",
            new { Sending, lease.Owner, lease.Until, Owed, decided.ItemId, decided.Division, decided.Stage, decided.DueOn },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (held == 0) return null;
        var row = await connection.QuerySingleAsync<ReminderRow>(new CommandDefinition(
            $"SELECT {ReminderRow.Columns} FROM reminders WHERE item_id = @ItemId AND division = @Division AND stage = @Stage AND due_on = @DueOn",
            key, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToRecord();
    }

    /// <summary>
    /// Marks the held rows of one email sent, with its Message-ID and where it went, in one transaction;
    /// <paramref name="morning"/>, the division's morning email of the day (null when sent alone), is
    /// recorded in the same transaction. Returns how many rows were still held (fewer when a lease had passed).
    /// </summary>
    public Task<int> MarkSentAsync(IReadOnlyCollection<long> ids, Lease lease, string messageId, string to, string? cc, MorningEmailDay? morning, CancellationToken cancellationToken = default) =>
        FinishAllAsync(ids, lease, "state = @Sent, message_id = @MessageId, to_address = @To, cc_addresses = @Cc, sent_at = @Now, last_error = NULL, email_on = @EmailOn",
            new { Sent, MessageId = messageId, To = to, Cc = cc, EmailOn = morning?.Day }, cancellationToken, morning, messageId);

    /// <summary>Marks the held rows of one email uncertain (it may have arrived), keeping its Message-ID and recipients; a morning email counts as gone.</summary>
    public Task<int> MarkUncertainAsync(IReadOnlyCollection<long> ids, Lease lease, string messageId, string to, string? cc, string reason, MorningEmailDay? morning, CancellationToken cancellationToken = default) =>
        FinishAllAsync(ids, lease, "state = @Uncertain, message_id = @MessageId, to_address = @To, cc_addresses = @Cc, last_error = @Error, next_attempt_at = @Now, email_on = @EmailOn",
            new { Uncertain, MessageId = messageId, To = to, Cc = cc, Error = reason, EmailOn = morning?.Day }, cancellationToken, morning, messageId);

    /// <summary>Marks the held rows of one email failed for good, with the server's words and, when known, where it was to go.</summary>
    public Task<int> MarkFailedAsync(IReadOnlyCollection<long> ids, Lease lease, string error, string? to, string? cc, CancellationToken cancellationToken = default) =>
        FinishAllAsync(ids, lease, "state = @Failed, last_error = @Error, next_attempt_at = @Now, to_address = COALESCE(@To, to_address), cc_addresses = COALESCE(@Cc, cc_addresses)",
            new { Failed, Error = error, To = to, Cc = cc }, cancellationToken);

    /// <summary>
    /// The send of one email failed for now: all its rows wait until <paramref name="nextAttemptAt"/> together,
    /// counting one more attempt from the most any of them had; at <paramref name="maxAttempts"/> all are
    /// marked failed together. Returns the rows' state afterwards; null when the lease had passed.
    /// </summary>
    public async Task<ReminderState?> RetryLaterAsync(IReadOnlyCollection<long> ids, Lease lease, string error, DateTimeOffset nextAttemptAt, int maxAttempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(lease);
        if (ids.Count == 0) return null;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var attempts = 0L;
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            attempts = Math.Max(attempts, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COALESCE(MAX(attempts), 0) FROM reminders WHERE {database.Dialect.InList("id", "@Ids")}",
                new { Ids = chunk }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false));
        }
        var failed = attempts + 1 >= maxAttempts;
        var changed = 0;
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            changed += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE reminders SET attempts = @Attempts, last_error = @Error, next_attempt_at = @Next, state = @State " +
                $"WHERE {database.Dialect.InList("id", "@Ids")} AND state = @Sending AND lease_owner = @Owner",
                new { Attempts = attempts + 1, Error = error, Next = failed ? _clock.GetUtcNow() : nextAttemptAt, State = failed ? Failed : Owed, Ids = chunk, Sending, lease.Owner },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed == 0 ? null : failed ? ReminderState.Failed : ReminderState.Owed;
    }

    private static readonly (string Column, string Value)[] MorningColumns = [("division", "@Division"), ("day", "@Day"), ("message_id", "@MessageId")];

    private async Task<int> FinishAllAsync(IReadOnlyCollection<long> ids, Lease lease, string set, object values, CancellationToken cancellationToken,
        MorningEmailDay? morning = null, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = 0;
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            var parameters = new DynamicParameters(values);
            parameters.Add("Ids", chunk);
            parameters.Add("Owner", lease.Owner);
            parameters.Add("Sending", Sending);
            parameters.Add("Now", _clock.GetUtcNow());
            changed += await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE reminders SET {set} WHERE {database.Dialect.InList("id", "@Ids")} AND state = @Sending AND lease_owner = @Owner",
                parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        if (morning is { } m)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                database.Dialect.InsertUnlessExists("division_emails", MorningColumns, ["division", "day"]),
                new { m.Division, m.Day, MessageId = messageId ?? "" }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }
}
