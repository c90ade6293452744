namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// One password check at a time per user name, in this worker: guesses for one name from many
/// addresses at once wait for each other, so they come no faster than the checks themselves.
/// A name's gate exists only while someone is at it.
/// </summary>
internal sealed class SignInQueue
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Waits for the name's turn; disposing the result ends it.</summary>
    public async Task<IDisposable> EnterAsync(string user, CancellationToken cancellationToken)
    {
        var key = user.Trim();
        Gate gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(key, out gate!)) _gates[key] = gate = new Gate();
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, gate);
            throw;
        }
        return new Turn(this, key, gate);
    }

    private void Leave(string key, Gate gate)
    {
        lock (_lock)
        {
            if (--gate.Users == 0) _gates.Remove(key);
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(SignInQueue queue, string key, Gate gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            gate.Semaphore.Release();
            queue.Leave(key, gate);
        }
    }
}
