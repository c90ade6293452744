namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// Counts failed sign-ins per user name and per client address over a sliding window, and refuses
/// further tries while either count is at its limit: a password cannot be guessed by trying many
/// against one name, nor many names from one address. Memory holds the window's failures only.
/// </summary>
internal sealed class SignInThrottle(AuthOptions options, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byAddress = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.FailureWindowMinutes);
    private readonly Lock _lock = new();

    /// <summary>How long tries for this name or from this address stay refused; zero when they may go ahead.</summary>
    public TimeSpan RetryAfter(string user, string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var byUser = Wait(_byUser, Key(user), options.FailuresPerUser, now);
            var byAddress = Wait(_byAddress, address, options.FailuresPerAddress, now);
            return byUser > byAddress ? byUser : byAddress;
        }
    }

    /// <summary>Counts one failed sign-in against the name and the address.</summary>
    public void Failed(string user, string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Add(_byUser, Key(user), now);
            Add(_byAddress, address, now);
            Forget(_byUser, now);
            Forget(_byAddress, now);
        }
    }

    /// <summary>A right password clears the name's failures; the address keeps its count.</summary>
    public void Succeeded(string user)
    {
        lock (_lock) _byUser.Remove(Key(user));
    }

    private static string Key(string user) => user.Trim();

    private TimeSpan Wait(Dictionary<string, Queue<DateTimeOffset>> counts, string key, int limit, DateTimeOffset now)
    {
        if (!counts.TryGetValue(key, out var failures)) return TimeSpan.Zero;
        Drop(failures, now);
        if (failures.Count < limit) return TimeSpan.Zero;
        // Refused until enough failures fall out of the window to bring the count under the limit.
        return failures.ElementAt(failures.Count - limit) + _window - now;
    }

    private static void Add(Dictionary<string, Queue<DateTimeOffset>> counts, string key, DateTimeOffset now)
    {
        if (!counts.TryGetValue(key, out var failures)) counts[key] = failures = new Queue<DateTimeOffset>();
        failures.Enqueue(now);
    }

    private void Forget(Dictionary<string, Queue<DateTimeOffset>> counts, DateTimeOffset now)
    {
        foreach (var (key, failures) in counts)
        {
            Drop(failures, now);
            if (failures.Count == 0) counts.Remove(key);
        }
    }

    private void Drop(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + _window <= now) failures.Dequeue();
    }
}
