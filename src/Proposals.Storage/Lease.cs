namespace Proposals.Storage;

/// <summary>
/// A hold on rows of the ledger: the reminders a sender is sending, a report period being sent. Only
/// its owner may finish the rows; once <see cref="Until"/> has passed (the holder died) another may
/// take them. The same design for reminders and reports: an owner token and an expiry, both stored.
/// </summary>
/// <param name="Owner">Who holds it: host, process and a token of its own, so that a lapsed holder cannot finish what another has taken since.</param>
/// <param name="Until">When it lapses.</param>
public sealed record Lease(string Owner, DateTimeOffset Until)
{
    /// <summary>This process, for the record: host and process id.</summary>
    public static string Process { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>A lease for this process lasting <paramref name="length"/> from <paramref name="now"/>, with a fresh token.</summary>
    public static Lease Take(DateTimeOffset now, TimeSpan length) => new($"{Process}:{Guid.NewGuid():N}", now + length);

    /// <summary>The host and process part of an owner token, for messages.</summary>
    public static string? Holder(string? owner)
    {
        if (owner is null) return null;
        var token = owner.LastIndexOf(':');
        return token > 0 ? owner[..token] : owner;
    }
}
