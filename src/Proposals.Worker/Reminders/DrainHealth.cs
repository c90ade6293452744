namespace Proposals.Worker.Reminders;

/// <summary>
/// Whether this worker's last drain could use the mail server, and since when not: what the
/// readiness check reports, and what lets the drain log an outage once instead of every round.
/// </summary>
internal sealed class DrainHealth
{
    private MailOutage? _down;

    /// <summary>Why mail cannot leave, and since when; null while it can.</summary>
    public MailOutage? Down => Volatile.Read(ref _down);

    /// <summary>Records a failed round; true when it is the first of an outage.</summary>
    public bool Record(string reason, DateTimeOffset at)
    {
        var before = Volatile.Read(ref _down);
        Volatile.Write(ref _down, new MailOutage(reason, before?.Since ?? at));
        return before is null;
    }

    /// <summary>Records a round that went through; true when it ends an outage.</summary>
    public bool Clear() => Interlocked.Exchange(ref _down, null) is not null;
}

/// <summary>Mail could not leave since <paramref name="Since"/>, for <paramref name="Reason"/>.</summary>
internal sealed record MailOutage(string Reason, DateTimeOffset Since);
