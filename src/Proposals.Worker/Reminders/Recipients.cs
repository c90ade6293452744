using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Worker.Reminders;

/// <summary>Who receives one reminder: the division, and whom the plan copies, where an address is known.</summary>
/// <param name="To">The division's address; null when the division is not in the ledger's list.</param>
/// <param name="Cc">The copied addresses, without repeats and without the division's own.</param>
internal sealed record Recipients(string? To, IReadOnlyList<string> Cc)
{
    /// <summary>
    /// The addresses for a reminder to <paramref name="division"/>. The head is copied only when known,
    /// the coordinator and the leader only when their addresses are configured.
    /// </summary>
    public static Recipients For(string division, ReminderCopies copies, IReadOnlyDictionary<string, Division> divisions, string? coordinator, string? leader)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        if (!divisions.TryGetValue(division, out var known)) return new Recipients(null, []);
        var cc = new List<string>();
        if (copies.HasFlag(ReminderCopies.Head) && !string.IsNullOrWhiteSpace(known.HeadEmail)) cc.Add(known.HeadEmail);
        if (copies.HasFlag(ReminderCopies.Coordinator) && !string.IsNullOrWhiteSpace(coordinator)) cc.Add(coordinator);
        if (copies.HasFlag(ReminderCopies.Leader) && !string.IsNullOrWhiteSpace(leader)) cc.Add(leader);
        var distinct = cc.Where(a => !string.Equals(a, known.Email, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new Recipients(known.Email, distinct);
    }

    /// <summary>
    /// The addresses for an email to <paramref name="division"/> under <paramref name="grouping"/>: one
    /// reminder copies whom the plan says; a division's morning email copies the head at most (the
    /// coordinator reads the morning summary, the leader the weekly 通报).
    /// </summary>
    public static Recipients For(ReminderGrouping grouping, string division, ReminderCopies copies, IReadOnlyDictionary<string, Division> divisions, Mail.MailOptions mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return grouping switch
        {
            ReminderGrouping.Item => For(division, copies, divisions, mail.Coordinator, mail.Leader),
            ReminderGrouping.Division => For(division, copies & ReminderCopies.Head, divisions, null, null),
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, null),
        };
    }

    /// <summary>The copied addresses as the record keeps them: comma-separated; null for none.</summary>
    public string? CcText => Cc.Count == 0 ? null : string.Join(", ", Cc);

    /// <summary>For the plan and the log: "to; cc a, b".</summary>
    public override string ToString() => Cc.Count == 0 ? To ?? "(无地址 no address)" : $"{To ?? "(无地址 no address)"}; cc {CcText}";
}
