namespace Proposals.Domain.Ledger;

/// <summary>
/// One suggestion (代表建议) or proposal (政协提案) in the bureau's ledger (台账).
/// </summary>
public sealed record Item
{
    /// <summary>Identity: kind, session, number.</summary>
    public required ItemKey Key { get; init; }

    /// <summary>标题</summary>
    public required string Title { get; init; }

    /// <summary>提出人: one or more deputies or members, as written.</summary>
    public string Proposer { get; init; } = "";

    /// <summary>主办处室: the division that writes the reply.</summary>
    public required string LeadDivision { get; init; }

    /// <summary>协办处室: divisions that give the lead their input.</summary>
    public IReadOnlyList<string> CoDivisions { get; init; } = [];

    /// <summary>交办日期</summary>
    public required DateOnly AssignedOn { get; init; }

    /// <summary>办理期限: the original due date.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>When the co-divisions' input is due.</summary>
    public required DateOnly CoInputDueOn { get; init; }

    /// <summary>签收日期, when recorded.</summary>
    public DateOnly? AcknowledgedOn { get; init; }

    /// <summary>延期, when approved.</summary>
    public Extension? Extension { get; init; }

    /// <summary>答复日期</summary>
    public DateOnly? RepliedOn { get; init; }

    /// <summary>答复类别</summary>
    public ReplyClass? ReplyClass { get; init; }

    /// <summary>满意度</summary>
    public Satisfaction? Satisfaction { get; init; }

    /// <summary>重点督办: a key item, watched more closely.</summary>
    public bool IsKey { get; init; }

    /// <summary>退回: returned as not the bureau's business.</summary>
    public bool IsReturned { get; init; }

    /// <summary>The due date in force: the extended one when there is an extension.</summary>
    public DateOnly EffectiveDueOn => Extension?.NewDueOn ?? DueOn;

    /// <summary>Whether a reply is recorded on or before <paramref name="asOf"/>.</summary>
    public bool IsRepliedBy(DateOnly asOf) => RepliedOn is { } r && r <= asOf;

    /// <summary>Whether the item is still owed and past its due date on <paramref name="asOf"/>.</summary>
    public bool IsOverdue(DateOnly asOf) => !IsReturned && !IsRepliedBy(asOf) && asOf > EffectiveDueOn;

    /// <summary>The status as of a date, derived from the recorded facts.</summary>
    public ItemStatus StatusOn(DateOnly asOf)
    {
        if (IsReturned) return ItemStatus.Returned;
        if (IsRepliedBy(asOf))
        {
            return Satisfaction switch
            {
                Ledger.Satisfaction.Dissatisfied => ItemStatus.ReHandling,
                null => ItemStatus.Replied,
                _ => ItemStatus.Evaluated,
            };
        }
        if (Extension is not null) return ItemStatus.Extended;
        if (AcknowledgedOn is { } a && a <= asOf) return ItemStatus.Acknowledged;
        return ItemStatus.Assigned;
    }
}
