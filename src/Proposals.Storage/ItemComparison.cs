using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>Whether writing an item over its stored self changes its row: the rule <see cref="ItemStore"/> writes by, for a preview to count by.</summary>
public static class ItemComparison
{
    /// <summary>Whether <paramref name="item"/> written over <paramref name="stored"/> would change the stored row.</summary>
    public static bool Differs(Item stored, Item item)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(item);
        return !ItemRow.From(stored, DateTimeOffset.UnixEpoch).SameFactsAs(ItemRow.From(item, DateTimeOffset.UnixEpoch));
    }
}
