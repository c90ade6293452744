using Dapper;

namespace Proposals.Storage;

/// <summary>
/// The record of scheduled rate reports (report_runs), one row per period ("2026-11", "2025-annual").
/// A period is claimed under a lease before its email is sent and marked after, so two workers, a
/// retried job or a second run of the command never send the same period twice. A failed period,
/// and one whose sender's lease lapsed, can be claimed again. The same lease design as the reminders'.
/// </summary>
public sealed class ReportRunStore(LedgerDatabase database, TimeProvider? clock = null)
{
    /// <summary>Being built and sent.</summary>
    public const string Sending = "sending";

    /// <summary>Accepted by the mail server.</summary>
    public const string Sent = "sent";

    /// <summary>Not sent; may be claimed again.</summary>
    public const string Failed = "failed";

    /// <summary>Sent whole, but the server's reply never came: it may have arrived, so it is not claimed again by itself.</summary>
    public const string Uncertain = "uncertain";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly (string Column, string Value)[] ClaimColumns =
        [("period", "@Period"), ("state", "@Sending"), ("started_at", "@Now"), ("lease_owner", "@Owner"), ("lease_until", "@Until")];

    /// <summary>
    /// Claims <paramref name="period"/> for sending. Succeeds for one caller only: the period must be
    /// new, failed, or held by a sender whose lease of <paramref name="leaseFor"/> lapsed; one whose outcome is
    /// uncertain only when asked again (the coordinator's `report send --again`). Null when it is
    /// sent, uncertain, or another process holds it.
    /// </summary>
    public Task<ReportClaim?> ClaimAsync(string period, TimeSpan leaseFor, CancellationToken cancellationToken = default) =>
        ClaimAsync(period, leaseFor, again: false, cancellationToken);

    /// <summary>As <see cref="ClaimAsync(string, TimeSpan, CancellationToken)"/>, taking an uncertain period too when <paramref name="again"/>.</summary>
    public async Task<ReportClaim?> ClaimAsync(string period, TimeSpan leaseFor, bool again, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        var now = _clock.GetUtcNow();
        var lease = Lease.Take(now, leaseFor);
        var values = new { Period = period, Sending, Failed, Retaken = again ? Uncertain : Failed, Now = now, lease.Owner, lease.Until };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("report_runs", ClaimColumns, ["period"]), values, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 1) return new ReportClaim(period, lease, Retried: false);
        // One statement: of two processes re-claiming the same failed period, only one matches the old state.
        var reclaimed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE report_runs SET state = @Sending, started_at = @Now, finished_at = NULL, lease_owner = @Owner, lease_until = @Until " +
            "WHERE period = @Period AND (state = @Failed OR state = @Retaken OR (state = @Sending AND lease_until < @Now))",
            values, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return reclaimed == 1 ? new ReportClaim(period, lease, Retried: true) : null;
    }

    /// <summary>Marks a claimed period sent, with what the server said; false when the lease had passed to another process.</summary>
    public Task<bool> MarkSentAsync(ReportClaim claim, string detail, CancellationToken cancellationToken = default) =>
        FinishAsync(claim, Sent, detail, cancellationToken);

    /// <summary>Marks a claimed period uncertain (it may have arrived), keeping the reason; only `report send --again` claims it again.</summary>
    public Task<bool> MarkUncertainAsync(ReportClaim claim, string reason, CancellationToken cancellationToken = default) =>
        FinishAsync(claim, Uncertain, reason, cancellationToken);

    /// <summary>Marks a claimed period failed, keeping the reason; it can be claimed again.</summary>
    public Task<bool> MarkFailedAsync(ReportClaim claim, string reason, CancellationToken cancellationToken = default) =>
        FinishAsync(claim, Failed, reason, cancellationToken);

    /// <summary>
    /// Keeps what a sent year report said: its as-of day, its figures and settings (as JSON), and how it
    /// classed each item (by database id), replacing what an earlier send of the period kept.
    /// </summary>
    public async Task KeepSentAsync(string period, DateOnly asOf, string figures, string settings, IReadOnlyDictionary<long, string> classes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classes);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE report_runs SET as_of = @AsOf, figures = @Figures, settings = @Settings WHERE period = @Period",
            new { Period = period, AsOf = asOf, Figures = figures, Settings = settings }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sent_report_items WHERE period = @Period", new { Period = period }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = classes.Select(c => new SentClassRow { Period = period, ItemId = c.Key, Classification = c.Value }).ToList();
        await ImportCommands.ExecuteAsync(database.Provider, connection, transaction,
            "INSERT INTO sent_report_items (period, item_id, classification) VALUES (@Period, @ItemId, @Classification)", rows, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a sent year report said, or null when the period was not sent or kept nothing.</summary>
    public async Task<SentReport?> FindSentAsync(string period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = await connection.QuerySingleOrDefaultAsync<SentRow>(new CommandDefinition(
            "SELECT as_of AS AsOf, figures AS Figures, settings AS Settings, finished_at AS SentAt FROM report_runs " +
            "WHERE period = @Period AND state = @Sent AND figures IS NOT NULL",
            new { Period = period, Sent }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (run is null) return null;
        var classes = (await connection.QueryAsync<SentClassRow>(new CommandDefinition(
            "SELECT item_id AS ItemId, classification AS Classification FROM sent_report_items WHERE period = @Period",
            new { Period = period }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(r => r.ItemId, r => r.Classification);
        return new SentReport(run.AsOf, run.Figures, run.Settings, run.SentAt, classes);
    }

    private sealed class SentRow
    {
        public DateOnly AsOf { get; set; }
        public string Figures { get; set; } = "";
        public string Settings { get; set; } = "";
        public DateTimeOffset SentAt { get; set; }
    }

    private sealed class SentClassRow
    {
        public string Period { get; set; } = "";
        public long ItemId { get; set; }
        public string Classification { get; set; } = "";
    }

    /// <summary>The record of one period, or null when it was never claimed.</summary>
    public async Task<ReportRun?> FindAsync(string period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<ReportRun>(new CommandDefinition(
            "SELECT period AS Period, state AS State, started_at AS StartedAt, finished_at AS FinishedAt, detail AS Detail, " +
            "lease_owner AS LeaseOwner, lease_until AS LeaseUntil FROM report_runs WHERE period = @Period",
            new { Period = period }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<bool> FinishAsync(ReportClaim claim, string state, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Only the lease's owner: a process whose lease lapsed and was taken over cannot overwrite the newer outcome.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE report_runs SET state = @State, finished_at = @Now, detail = @Detail " +
            "WHERE period = @Period AND state = @Sending AND lease_owner = @Owner",
            new { claim.Period, State = state, Detail = detail, Sending, claim.Lease.Owner, Now = _clock.GetUtcNow() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }
}

/// <summary>What a sent year report said.</summary>
/// <param name="AsOf">Its as-of day.</param>
/// <param name="Figures">Its figures, as the JSON report format writes them.</param>
/// <param name="Settings">The settings its figures were counted with.</param>
/// <param name="SentAt">When the mail server accepted it.</param>
/// <param name="Classes">How it classed each item, by database id.</param>
public sealed record SentReport(DateOnly AsOf, string Figures, string Settings, DateTimeOffset SentAt, IReadOnlyDictionary<long, string> Classes);

/// <summary>A period this process holds for sending.</summary>
/// <param name="Period">"2026-11" or "2025-annual".</param>
/// <param name="Lease">The lease it is held under.</param>
/// <param name="Retried">True when the period had failed, or was stuck in sending, before.</param>
public sealed record ReportClaim(string Period, Lease Lease, bool Retried);

/// <summary>One row of report_runs.</summary>
public sealed record ReportRun
{
    /// <summary>"2026-11" or "2025-annual".</summary>
    public string Period { get; init; } = "";

    /// <summary>sending, sent or failed.</summary>
    public string State { get; init; } = "";

    /// <summary>When the last claim was made.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it was sent or failed; null while sending.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The server's reply and where the files are, or why it failed.</summary>
    public string? Detail { get; init; }

    /// <summary>Who holds or last held it.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the holder's lease lapses.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
}
