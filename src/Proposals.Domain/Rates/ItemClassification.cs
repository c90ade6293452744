using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// How a year report classed one item on its as-of day, in the words the report counts it by: a sent
/// report keeps this for each item, so that a later report can say which items moved and why.
/// </summary>
public static class ItemClassification
{
    /// <summary>The class of <paramref name="item"/> in the report of <paramref name="year"/> as of <paramref name="asOf"/>.</summary>
    public static string Of(Item item, int year, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsReturnedBy(asOf)) return "退回";
        if (!item.BureauRole.IsLead()) return item.IsRepliedBy(asOf) ? "协办已送达" : "协办未送达";
        var parts = new List<string>();
        if (!item.IsRepliedBy(asOf)) parts.Add(asOf > item.DueInForceOn(asOf) ? "逾期未办复" : "未到期");
        else
        {
            parts.Add(item.RepliedOn <= item.DueInForceOn(asOf) ? "按期办复" : "逾期办复");
            if (item.ReplyClass is { } c) parts.Add(c + "类");
            if (item.FinalEvaluationBy(asOf) is { } s) parts.Add(s.ChineseName());
        }
        if (item.Extension is { } e && e.InForceOn(asOf)) parts.Add("延期");
        if (item.IsPublishedIn(year, asOf)) parts.Add("已公开");
        return string.Join("/", parts);
    }
}
