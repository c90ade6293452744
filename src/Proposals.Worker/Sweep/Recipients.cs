using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Worker.Sweep;

/// <summary>Who receives one reminder: the division, and on overdue ones its head and the coordinator.</summary>
internal sealed record Recipients(string? To, IReadOnlyList<string> Cc)
{
    /// <summary>
    /// The addresses for a reminder. The head is copied only when known; the coordinator only when
    /// an address is configured. A division missing from the ledger has no address (To is null).
    /// </summary>
    public static Recipients For(OwedReminderFacts reminder, IReadOnlyDictionary<string, Division> divisions, string? coordinator)
    {
        if (!divisions.TryGetValue(reminder.Division, out var division)) return new Recipients(null, []);
        var cc = new List<string>();
        if (reminder.CopyHead && !string.IsNullOrWhiteSpace(division.HeadEmail)) cc.Add(division.HeadEmail);
        if (reminder.CopyCoordinator && !string.IsNullOrWhiteSpace(coordinator) &&
            !string.Equals(coordinator, division.Email, StringComparison.OrdinalIgnoreCase))
        {
            cc.Add(coordinator);
        }
        return new Recipients(division.Email, cc.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>For the plan and the record: "to; cc1, cc2".</summary>
    public override string ToString() => Cc.Count == 0 ? To ?? "(无地址 no address)" : $"{To ?? "(无地址 no address)"}; cc {string.Join(", ", Cc)}";
}

/// <summary>What decides the recipients of a reminder.</summary>
internal readonly record struct OwedReminderFacts(string Division, bool CopyHead, bool CopyCoordinator)
{
    public static OwedReminderFacts Of(OwedReminder r) => new(r.Division, r.CopyHead, r.CopyCoordinator);
}
