using System.Collections.Concurrent;
using Proposals.Mail;

namespace Proposals.Worker.Jobs;

/// <summary>
/// Keeps mail sessions open between jobs, so that the emails of one sweep, each its own Hangfire
/// job, go through a few reused connections instead of one connection per message. A session serves
/// one job at a time (SMTP clients are not thread-safe) and is closed after a minute unused.
/// </summary>
internal sealed class MailSessionPool(IMailTransport transport, TimeProvider clock) : IAsyncDisposable
{
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(1);
    private readonly ConcurrentBag<(IMailSession Session, DateTimeOffset LastUsed)> _idle = [];

    /// <summary>
    /// Runs <paramref name="work"/> with a session of its own. The session goes back to the pool when
    /// <paramref name="healthy"/> says the work went well; a session that met a failure is closed, so
    /// that the next job connects afresh instead of inheriting it.
    /// </summary>
    public async Task<T> UseAsync<T>(Func<IMailSession, Task<T>> work, Func<T, bool> healthy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(healthy);
        var session = await TakeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await work(session).ConfigureAwait(false);
            if (healthy(result)) _idle.Add((session, clock.GetUtcNow()));
            else await session.DisposeAsync().ConfigureAwait(false);
            return result;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IMailSession> TakeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        while (_idle.TryTake(out var idle))
        {
            if (now - idle.LastUsed < IdleLimit) return idle.Session;
            await idle.Session.DisposeAsync().ConfigureAwait(false);
        }
        return await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle)) await idle.Session.DisposeAsync().ConfigureAwait(false);
    }
}
