using Dapper;

namespace Proposals.Storage;

/// <summary>The divisions' links already used to record a fact: a link records once.</summary>
public sealed class LinkUseStore(LedgerDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly (string Column, string Value)[] Columns = [("link_id", "@LinkId"), ("item_id", "@ItemId"), ("action", "@Action"), ("used_at", "@Now")];

    /// <summary>Marks link <paramref name="linkId"/> used; false when it was used before (by this call's twin, say).</summary>
    public async Task<bool> UseAsync(string linkId, long itemId, string action, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("link_uses", Columns, ["link_id"]),
            new { LinkId = linkId, ItemId = itemId, Action = action, Now = _clock.GetUtcNow() }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>When link <paramref name="linkId"/> was used; null while it is unused.</summary>
    public async Task<DateTimeOffset?> UsedAtAsync(string linkId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT used_at FROM link_uses WHERE link_id = @LinkId", new { LinkId = linkId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
