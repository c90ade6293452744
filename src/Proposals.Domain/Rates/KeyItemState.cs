using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>A key item (重点督办) of the reporting year and where it stood on the as-of date.</summary>
/// <param name="Key">Kind, session and number.</param>
/// <param name="Title">标题, as recorded.</param>
/// <param name="LeadDivision">主办处室</param>
/// <param name="Status">The status on the as-of date.</param>
/// <param name="DueOn">The due date in force (the extended one where extended).</param>
/// <param name="RepliedOn">The reply date when it is on or before the as-of date; otherwise null.</param>
public sealed record KeyItemState(
    ItemKey Key, string Title, string LeadDivision, ItemStatus Status, DateOnly DueOn, DateOnly? RepliedOn)
{
    /// <summary>Replied on or before the due date in force.</summary>
    public bool RepliedOnTime => RepliedOn is { } r && r <= DueOn;

    /// <summary>Reads the state of <paramref name="item"/> on <paramref name="asOf"/>.</summary>
    public static KeyItemState Of(Item item, DateOnly asOf) => new(
        item.Key,
        item.Title,
        item.LeadDivision,
        item.StatusOn(asOf),
        item.DueInForceOn(asOf),
        item.IsRepliedBy(asOf) ? item.RepliedOn : null);
}
