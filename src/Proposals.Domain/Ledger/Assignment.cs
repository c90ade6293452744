namespace Proposals.Domain.Ledger;

/// <summary>
/// Who answers for an item as it is assigned now: the lead division acknowledges and replies, a
/// co-division acknowledges and sends its input. An item can be given another lead or other
/// co-divisions after a division was asked (a re-import); what that division was sent before then
/// records nothing for it.
/// </summary>
public static class Assignment
{
    /// <summary>
    /// Why <paramref name="division"/> may not record a fact of <paramref name="kind"/> about
    /// <paramref name="item"/> as it is assigned now (Chinese, then English); null when it may.
    /// The kinds no division answers for (return and its decision, extension, evaluation, publication) are the
    /// coordinator's, and never refused here.
    /// </summary>
    public static string? Refusal(Item item, string division, FactKind kind)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(division);
        var lead = division == item.LeadDivision;
        var co = item.CoDivisions.Contains(division, StringComparer.Ordinal);
        return kind switch
        {
            FactKind.Acknowledgement => lead || co ? null
                : $"{division} 现在不是此事项的主办或协办处室, 此事项由 {item.LeadDivision} 主办 ({division} does not handle the item now; {item.LeadDivision} leads it)",
            FactKind.Reply => lead ? null
                : $"此事项现由 {item.LeadDivision} 主办并答复, {division} 不登记答复 (the item is handled by {item.LeadDivision} now, which replies; {division} does not)",
            FactKind.CoInput => co ? null
                : $"{division} 现在不是此事项的协办处室, 此事项由 {item.LeadDivision} 主办 ({division} is not a co-division of the item now; {item.LeadDivision} leads it)",
            FactKind.Return => null,
            FactKind.ReturnDecision => null,
            FactKind.Extension => null,
            FactKind.Evaluation => null,
            FactKind.Publication => null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
