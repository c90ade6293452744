namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// Counts failed sign-ins over a sliding window, in this worker's memory, and decides before each
/// password check whether it may happen:
/// <list type="bullet">
/// <item>per name and address (<see cref="AuthOptions.FailuresPerUserAddress"/>) and per address
/// (<see cref="AuthOptions.FailuresPerAddress"/>): at the limit, tries are refused (429) there, so a
/// guesser stops while the user, from an address of their own, signs in as ever;</item>
/// <item>per name (<see cref="AuthOptions.FailuresPerUser"/>): never refused, only slowed, since
/// anyone can name the coordinator: past the limit each failed answer waits
/// (<see cref="DelayAfterFailure"/>). A right password is never delayed.</item>
/// </list>
/// The check and the count are one step: <see cref="TryBegin"/> reserves a place under the limits
/// before the password is checked, so parallel guesses get no more checks than the limits allow.
/// </summary>
internal sealed class SignInThrottle(AuthOptions options, TimeProvider clock)
{
    // A reservation holding the last place under a limit refuses the others for this long, by when
    // its check has ended and counted or freed the place.
    private static readonly TimeSpan WhileChecking = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Counter> _byUserAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Counter> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _byUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.FailureWindowMinutes);
    private readonly Lock _lock = new();

    /// <summary>
    /// Reserves one password check for <paramref name="user"/> from <paramref name="address"/>; null,
    /// with how long to wait, when the name at this address or the address has reached its limit.
    /// </summary>
    public SignInAttempt? TryBegin(string user, string address, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var pair = PairKey(user, address);
        lock (_lock)
        {
            var byPair = Wait(_byUserAddress, pair, options.FailuresPerUserAddress, now);
            var byAddress = Wait(_byAddress, address, options.FailuresPerAddress, now);
            retryAfter = byPair > byAddress ? byPair : byAddress;
            if (retryAfter > TimeSpan.Zero) return null;
            Get(_byUserAddress, pair).Pending++;
            Get(_byAddress, address).Pending++;
            return new SignInAttempt(this, Key(user), address);
        }
    }

    /// <summary>How long the answer to a wrong password for <paramref name="user"/> waits (its failure already counted): zero up to the name's limit, then a second more for each failure past it, up to the cap.</summary>
    public TimeSpan DelayAfterFailure(string user)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_byUser.TryGetValue(Key(user), out var counter)) return TimeSpan.Zero;
            Drop(counter.Failures, now);
            var over = counter.Failures.Count - options.FailuresPerUser;
            return over <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(over, options.MaxFailureDelaySeconds));
        }
    }

    // Ends an attempt: a failure counts against the name, the name at the address and the address;
    // a success clears the name's counts (the address keeps its own); an abandoned one frees its place.
    internal void End(SignInAttempt attempt, bool? succeeded)
    {
        var now = clock.GetUtcNow();
        var pair = PairKey(attempt.User, attempt.Address);
        lock (_lock)
        {
            Get(_byUserAddress, pair).Pending--;
            Get(_byAddress, attempt.Address).Pending--;
            if (succeeded == false)
            {
                Get(_byUserAddress, pair).Failures.Enqueue(now);
                Get(_byAddress, attempt.Address).Failures.Enqueue(now);
                Get(_byUser, attempt.User).Failures.Enqueue(now);
            }
            else if (succeeded == true)
            {
                Get(_byUserAddress, pair).Failures.Clear();
                _byUser.Remove(attempt.User);
            }
            Forget(_byUserAddress, now);
            Forget(_byAddress, now);
            Forget(_byUser, now);
        }
    }

    private static string Key(string user) => user.Trim();

    // A name cannot hold a line break (SignInEndpoints replaces control characters), so this is unambiguous.
    private static string PairKey(string user, string address) => Key(user) + "\n" + address;

    private static Counter Get(Dictionary<string, Counter> counters, string key)
    {
        if (!counters.TryGetValue(key, out var counter)) counters[key] = counter = new Counter();
        return counter;
    }

    private TimeSpan Wait(Dictionary<string, Counter> counters, string key, int limit, DateTimeOffset now)
    {
        if (!counters.TryGetValue(key, out var counter)) return TimeSpan.Zero;
        Drop(counter.Failures, now);
        if (counter.Failures.Count + counter.Pending < limit) return TimeSpan.Zero;
        // Refused until enough failures leave the window to bring the count under the limit; while
        // checks still running hold the last places, only until they end.
        return counter.Failures.Count >= limit ? counter.Failures.ElementAt(counter.Failures.Count - limit) + _window - now : WhileChecking;
    }

    private void Forget(Dictionary<string, Counter> counters, DateTimeOffset now)
    {
        foreach (var (key, counter) in counters)
        {
            Drop(counter.Failures, now);
            if (counter.Failures.Count == 0 && counter.Pending == 0) counters.Remove(key);
        }
    }

    private void Drop(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + _window <= now) failures.Dequeue();
    }

    private sealed class Counter
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public int Pending { get; set; }
    }
}

/// <summary>One password check reserved under the limits; ended once, as a failure or a success, or freed when disposed unended.</summary>
internal sealed class SignInAttempt(SignInThrottle throttle, string user, string address) : IDisposable
{
    private int _ended;

    /// <summary>The name tried, trimmed.</summary>
    public string User { get; } = user;

    /// <summary>The client's address.</summary>
    public string Address { get; } = address;

    /// <summary>The password was wrong: counts the failure.</summary>
    public void Failed() => End(false);

    /// <summary>The password was right: clears the name's failures.</summary>
    public void Succeeded() => End(true);

    /// <summary>Frees the place when the check never ended (the client went away).</summary>
    public void Dispose() => End(null);

    private void End(bool? succeeded)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0) throttle.End(this, succeeded);
    }
}
