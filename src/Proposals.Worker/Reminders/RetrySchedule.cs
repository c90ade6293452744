namespace Proposals.Worker.Reminders;

/// <summary>
/// How long a reminder waits after a failed attempt before the next: growing pauses, so that a
/// server that refuses one message for a while is not pestered, and a reminder that cannot be sent
/// ends failed (Reminders:MaxAttempts) within about a day instead of being tried for ever.
/// </summary>
internal static class RetrySchedule
{
    private static readonly TimeSpan[] Pauses =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    /// <summary>The pause after the <paramref name="failedAttempts"/>-th failed attempt (from 1).</summary>
    public static TimeSpan After(int failedAttempts) => Pauses[Math.Clamp(failedAttempts, 1, Pauses.Length) - 1];
}
