namespace Proposals.Worker.Reminders;

/// <summary>
/// Wakes the worker's drain at once when there is new work (a sweep recorded reminders, a coordinator
/// asked for a resend), instead of waiting for its next round.
/// </summary>
internal sealed class DrainSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Says there is work; several calls before the drain wakes count once.</summary>
    public void Raise()
    {
        try { _pending.Release(); }
        catch (SemaphoreFullException) { /* already raised: the drain will look once for all */ }
    }

    /// <summary>Waits until raised or until <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var raised = _pending.WaitAsync(limit.Token);
        var delay = Task.Delay(timeout, clock, limit.Token);
        await Task.WhenAny(raised, delay).ConfigureAwait(false);
        await limit.CancelAsync().ConfigureAwait(false);
        try { await raised.ConfigureAwait(false); }
        catch (OperationCanceledException) { /* the timeout came first */ }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public void Dispose() => _pending.Dispose();
}
