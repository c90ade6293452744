using System.Collections.Concurrent;
using Proposals.Storage;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// Signing out revokes the session on every worker of the ledger: its id goes into the ledger's
/// table (<see cref="SessionRevocationStore"/>), which each worker reads when it validates a session.
/// A session found valid is not asked about again for <see cref="CheckEvery"/>, so a copy of a
/// signed-out cookie still works on another worker for at most that long; on this one, not at all.
/// </summary>
internal sealed class SessionRevocations(SessionRevocationStore store, AuthOptions auth, TimeProvider clock)
{
    /// <summary>How long a session found valid stays so without asking the ledger again.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    // Past this many sessions remembered, the expired ones are forgotten.
    private const int Remembered = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _validUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revokedUntil = new(StringComparer.Ordinal);

    /// <summary>Signs session <paramref name="sessionId"/> out for every worker.</summary>
    public async Task RevokeAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A copy of the cookie renewed just before now is good for a whole session more at most.
        var until = now.AddHours(auth.SessionHours);
        Remember(_revokedUntil, sessionId, until, now);
        _validUntil.TryRemove(sessionId, out _);
        await store.RevokeAsync(sessionId, now, until, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether session <paramref name="sessionId"/> was signed out, here or on another worker.</summary>
    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_revokedUntil.ContainsKey(sessionId)) return true;
        if (_validUntil.TryGetValue(sessionId, out var until) && until > now) return false;
        if (await store.IsRevokedAsync(sessionId, cancellationToken).ConfigureAwait(false))
        {
            Remember(_revokedUntil, sessionId, now.AddHours(auth.SessionHours), now);
            _validUntil.TryRemove(sessionId, out _);
            return true;
        }
        Remember(_validUntil, sessionId, now + CheckEvery, now);
        return false;
    }

    private static void Remember(ConcurrentDictionary<string, DateTimeOffset> sessions, string sessionId, DateTimeOffset until, DateTimeOffset now)
    {
        if (sessions.Count >= Remembered)
        {
            foreach (var (id, expires) in sessions)
            {
                if (expires <= now) sessions.TryRemove(id, out _);
            }
        }
        sessions[sessionId] = until;
    }
}
