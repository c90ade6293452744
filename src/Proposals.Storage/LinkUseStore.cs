using System.Data.Common;
using Dapper;

namespace Proposals.Storage;

/// <summary>
/// The divisions' links already used to record a fact: a link records once. Its use is written in
/// the same transaction as the fact it records (<see cref="FactStore"/>), and the link's key in
/// link_uses decides between requests that use one link at the same moment: one inserts the row and
/// records, the others insert nothing and record nothing.
/// </summary>
public sealed class LinkUseStore(LedgerDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly (string Column, string Value)[] Columns = [("link_id", "@LinkId"), ("item_id", "@ItemId"), ("action", "@Action"), ("used_at", "@Now")];

    /// <summary>Marks link <paramref name="linkId"/> used; false when it was used before (by this call's twin, say).</summary>
    public async Task<bool> UseAsync(string linkId, long itemId, string action, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await UseAsync(connection, null, database.Dialect, new LinkUse(linkId, itemId, action), _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks <paramref name="use"/>'s link used inside a caller's transaction; false when another
    /// request marked it first. On PostgreSQL and SQL Server a twin inserting the same key waits for
    /// this transaction and then inserts nothing; SQLite lets one writer in at a time.
    /// </summary>
    internal static async Task<bool> UseAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, LinkUse use, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(use.LinkId);
        return await connection.ExecuteAsync(new CommandDefinition(
            dialect.InsertUnlessExists("link_uses", Columns, ["link_id"]),
            new { use.LinkId, use.ItemId, use.Action, Now = now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>When link <paramref name="linkId"/> was used; null while it is unused.</summary>
    public async Task<DateTimeOffset?> UsedAtAsync(string linkId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT used_at FROM link_uses WHERE link_id = @LinkId", new { LinkId = linkId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}

/// <summary>A division's link used to record a fact: its nonce, the item and the action's code.</summary>
/// <param name="LinkId">The link's nonce, unique to the link.</param>
/// <param name="ItemId">The item it is about.</param>
/// <param name="Action">ack, reply or co-input.</param>
public sealed record LinkUse(string LinkId, long ItemId, string Action);

/// <summary>
/// The link was used by another request first (a double click, a mail scanner, a second tab):
/// nothing was written, and the fact that request recorded stands.
/// </summary>
public sealed class LinkUsedException : Exception
{
    /// <summary>The link was used first by another request.</summary>
    public LinkUsedException()
        : base("此链接已被另一请求使用, 未重复记录 (the link was used by another request first; nothing was recorded again)")
    {
    }

    /// <summary>Standard constructor.</summary>
    public LinkUsedException(string message) : base(message)
    {
    }

    /// <summary>Standard constructor.</summary>
    public LinkUsedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
