using Dapper;

namespace Proposals.Storage;

/// <summary>
/// What went to the coordinator (综合处), each recorded once: the morning summary per day and the weekly
/// 通报 per week (its bulletin day), so a restart or a second worker never sends either twice.
/// </summary>
public sealed class CoordinatorMailStore(LedgerDatabase database, TimeProvider? clock = null)
{
    /// <summary>The summary's kind.</summary>
    public const string Summary = "summary";

    /// <summary>The 通报's kind.</summary>
    public const string Bulletin = "bulletin";

    private const string Sending = "sending";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly (string Column, string Value)[] Columns =
        [("kind", "@Kind"), ("period", "@Period"), ("state", "@Sending"), ("created_at", "@Now")];

    // A claim older than this was left by a worker that died while sending: another may take it.
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Takes the mail of <paramref name="kind"/> for <paramref name="period"/> to send; false when it is
    /// recorded already, or another worker is sending it (a claim left by a worker that died is taken again).
    /// </summary>
    public async Task<bool> ClaimAsync(string kind, DateOnly period, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("coordinator_mails", Columns, ["kind", "period"]),
            new { Kind = kind, Period = period, Sending, Now = now }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1)
        {
            return true;
        }
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE coordinator_mails SET created_at = @Now WHERE kind = @Kind AND period = @Period AND state = @Sending AND created_at < @Before",
            new { Now = now, Kind = kind, Period = period, Sending, Before = now - Abandoned }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>Records how the claimed mail ended: sent (or uncertain) with its Message-ID and recipients, or failed with the server's words.</summary>
    public async Task FinishAsync(string kind, DateOnly period, string state, string? messageId, string? to, string? cc, string? detail, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE coordinator_mails SET state = @State, message_id = @MessageId, to_address = @To, cc_addresses = @Cc, detail = @Detail, sent_at = @Now " +
            "WHERE kind = @Kind AND period = @Period",
            new { State = state, MessageId = messageId, To = to, Cc = cc, Detail = detail, Now = _clock.GetUtcNow(), Kind = kind, Period = period },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Lets go of a claimed mail that could not leave for now (the server away): a later round sends it.</summary>
    public async Task ForgetAsync(string kind, DateOnly period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM coordinator_mails WHERE kind = @Kind AND period = @Period AND state = @Sending",
            new { Kind = kind, Period = period, Sending }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>When the latest mail of <paramref name="kind"/> before <paramref name="period"/> was taken to send; null when none was.</summary>
    public async Task<DateTimeOffset?> LastBeforeAsync(string kind, DateOnly period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryFirstOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            database.Dialect.SelectFirst("created_at", "coordinator_mails", "kind = @Kind AND period < @Period", "period DESC", "@One"),
            new { Kind = kind, Period = period, One = 1 }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
