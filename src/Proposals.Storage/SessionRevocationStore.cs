using Dapper;

namespace Proposals.Storage;

/// <summary>
/// The sign-in sessions signed out, shared by every worker on the ledger: a session id here is
/// refused wherever its cookie is shown. Each row lasts until no copy of the cookie could still be valid.
/// </summary>
public sealed class SessionRevocationStore(LedgerDatabase database)
{
    private static readonly (string Column, string Value)[] Columns = [("session_id", "@SessionId"), ("revoked_at", "@RevokedAt"), ("expires_at", "@ExpiresAt")];

    /// <summary>Records session <paramref name="sessionId"/> as signed out at <paramref name="revokedAt"/>, until <paramref name="expiresAt"/>; rows past their time go.</summary>
    public async Task RevokeAsync(string sessionId, DateTimeOffset revokedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // A second sign-out of the same session (two tabs) changes nothing.
        await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("session_revocations", Columns, ["session_id"]),
            new { SessionId = sessionId, RevokedAt = revokedAt, ExpiresAt = expiresAt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM session_revocations WHERE expires_at < @Now", new { Now = revokedAt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Whether session <paramref name="sessionId"/> was signed out.</summary>
    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM session_revocations WHERE session_id = @SessionId", new { SessionId = sessionId }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }
}
