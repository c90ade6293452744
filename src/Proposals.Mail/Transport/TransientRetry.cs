namespace Proposals.Mail;

/// <summary>
/// When to try again after a <see cref="SendOutcome.Transient"/> outcome. The caller (the job
/// scheduler) does the waiting; the item stays owed until sent, so after the schedule runs out the
/// last delay repeats.
/// </summary>
public sealed class TransientRetry
{
    /// <summary>1, 2, 5, 10 and 30 minutes, then 1, 2 and 4 hours, then every 4 hours.</summary>
    public static TransientRetry Default { get; } = new(
        [1, 2, 5, 10, 30, 60, 120, 240]);

    private readonly TimeSpan[] _delays;

    /// <summary>A schedule of delays in minutes, in order.</summary>
    public TransientRetry(IReadOnlyList<int> delayMinutes)
    {
        ArgumentNullException.ThrowIfNull(delayMinutes);
        if (delayMinutes.Count == 0 || delayMinutes.Any(m => m <= 0))
            throw new ArgumentException("A retry schedule needs at least one delay, each at least 1 minute", nameof(delayMinutes));
        _delays = delayMinutes.Select(m => TimeSpan.FromMinutes(m)).ToArray();
    }

    /// <summary>The delays in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays;

    /// <summary>How long to wait after <paramref name="failures"/> transient failures in a row (1 = the first).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        return _delays[Math.Min(failures, _delays.Length) - 1];
    }

    /// <summary>The schedule in seconds, as Hangfire's AutomaticRetry attribute takes it.</summary>
    public int[] DelaysInSeconds() => _delays.Select(d => (int)d.TotalSeconds).ToArray();
}
