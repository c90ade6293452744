namespace Proposals.Domain.Ledger;

/// <summary>
/// One suggestion (代表建议) or proposal (政协提案) in the bureau's ledger (台账): the facts recorded
/// about it, and the dates derived from them on the working-day calendar (see
/// <see cref="Deadlines.ItemDeadlines"/>). Everything else, its status included, follows from these.
/// </summary>
public sealed record Item
{
    /// <summary>Identity: kind, session, number.</summary>
    public required ItemKey Key { get; init; }

    /// <summary>标题</summary>
    public required string Title { get; init; }

    /// <summary>提出人: one or more deputies or members, as written.</summary>
    public string Proposer { get; init; } = "";

    /// <summary>承办方式: whether the bureau leads the item for the city (主办, 分办, 合办) or assists the city's lead unit.</summary>
    public BureauRole BureauRole { get; init; } = BureauRole.Lead;

    /// <summary>承办方式 as the assigning office wrote it (会办, 分办...); null when not given.</summary>
    public string? RoleText { get; init; }

    /// <summary>主办单位: the outside unit that leads the item when the bureau assists; null when not given.</summary>
    public string? LeadUnit { get; init; }

    /// <summary>协办单位: the other units the city assigned the item to, as written; null when not given.</summary>
    public string? CoUnits { get; init; }

    /// <summary>主办处室: the division that writes the reply (or, when the bureau assists, the bureau's input).</summary>
    public required string LeadDivision { get; init; }

    /// <summary>协办处室: divisions that give the lead division their input.</summary>
    public IReadOnlyList<string> CoDivisions { get; init; } = [];

    /// <summary>协办意见送达: the co-divisions whose input has reached the lead division, and when.</summary>
    public IReadOnlyList<CoInput> CoInputs { get; init; } = [];

    /// <summary>交办日期</summary>
    public required DateOnly AssignedOn { get; init; }

    /// <summary>
    /// 办理期限: the original due date (on a working day): the reply's when the bureau leads, the input's
    /// to the city's lead unit when it assists.
    /// </summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>When the co-divisions' input is due.</summary>
    public required DateOnly CoInputDueOn { get; init; }

    /// <summary>The last day the lead division may acknowledge (签收) without a reminder; null when not planned.</summary>
    public DateOnly? AcknowledgeDueOn { get; init; }

    /// <summary>签收日期, when recorded.</summary>
    public DateOnly? AcknowledgedOn { get; init; }

    /// <summary>延期: the latest extension the assigning office approved, when any.</summary>
    public Extension? Extension { get; init; }

    /// <summary>答复日期 (when the bureau assists: the day its input reached the city's lead unit).</summary>
    public DateOnly? RepliedOn { get; init; }

    /// <summary>答复类别</summary>
    public ReplyClass? ReplyClass { get; init; }

    /// <summary>满意度: the first evaluation.</summary>
    public Satisfaction? Satisfaction { get; init; }

    /// <summary>测评日期: the day of the first evaluation.</summary>
    public DateOnly? EvaluatedOn { get; init; }

    /// <summary>The re-handling due date after 不满意 (from the evaluation date); null when not evaluated 不满意 on a known day.</summary>
    public DateOnly? RehandleDueOn { get; init; }

    /// <summary>重新答复日期: the second reply after re-handling.</summary>
    public DateOnly? RerepliedOn { get; init; }

    /// <summary>The second reply's class, when given: the first reply's class stays what the first round is counted by.</summary>
    public ReplyClass? SecondReplyClass { get; init; }

    /// <summary>再次满意度: the evaluation of the second reply.</summary>
    public Satisfaction? SecondSatisfaction { get; init; }

    /// <summary>公开日期: the day the reply was published (答复公开).</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>重点督办: a key item, watched more closely.</summary>
    public bool IsKey { get; init; }

    /// <summary>退回: the assigning office approved the return; the item then counts for nobody in the bureau.</summary>
    public bool IsReturned => ReturnDecision == Ledger.ReturnDecision.Approved;

    /// <summary>退回申请日期: the day the return was asked, when known.</summary>
    public DateOnly? ReturnedOn { get; init; }

    /// <summary>退回原因</summary>
    public string? ReturnReason { get; init; }

    /// <summary>退回决定: the assigning office's decision on the return; null while none is asked or it is still pending.</summary>
    public ReturnDecision? ReturnDecision { get; init; }

    /// <summary>退回决定日期, when known.</summary>
    public DateOnly? ReturnDecidedOn { get; init; }

    /// <summary>Who decided the return (the assigning office), as recorded.</summary>
    public string? ReturnDecidedBy { get; init; }

    /// <summary>Whether a return was asked and awaits the assigning office's decision: the item is still the bureau's.</summary>
    public bool IsReturnPending => ReturnedOn is not null && ReturnDecision is null;

    /// <summary>The last day a return may be asked without being late; null when not computed.</summary>
    public DateOnly? ReturnBy { get; init; }

    /// <summary>The due date in force for the first reply today: the extended one when there is an extension.</summary>
    public DateOnly EffectiveDueOn => Extension?.NewDueOn ?? DueOn;

    /// <summary>
    /// The due date in force for the first reply on <paramref name="asOf"/>: an extension counts from its
    /// approval on, so that what was reported before the approval does not change afterwards.
    /// </summary>
    public DateOnly DueInForceOn(DateOnly asOf) => Extension is { } e && !e.InForceOn(asOf) ? e.PreviousDueOn ?? DueOn : EffectiveDueOn;

    /// <summary>Whether the return was asked after <see cref="ReturnBy"/>: still recorded, but flagged.</summary>
    public bool IsReturnLate => IsReturned && ReturnedOn is { } on && ReturnBy is { } by && on > by;

    /// <summary>Whether a (first) reply is recorded on or before <paramref name="asOf"/>.</summary>
    public bool IsRepliedBy(DateOnly asOf) => RepliedOn is { } r && r <= asOf;

    /// <summary>
    /// The round the lead division is in on <paramref name="asOf"/>: re-handling from the day of a
    /// 不满意 evaluation (when its date is known), the first reply before.
    /// </summary>
    public HandlingRound RoundOn(DateOnly asOf) =>
        Satisfaction == Ledger.Satisfaction.Dissatisfied && EvaluatedOn is { } e && e <= asOf && RehandleDueOn is not null
            ? HandlingRound.Rehandling
            : HandlingRound.First;

    /// <summary>The date the lead division is held to in <paramref name="round"/>.</summary>
    public DateOnly LeadDueOn(HandlingRound round) =>
        round == HandlingRound.Rehandling && RehandleDueOn is { } rehandle ? rehandle : EffectiveDueOn;

    /// <summary>The date the lead division is held to on <paramref name="asOf"/>, with the extensions approved by then.</summary>
    public DateOnly LeadDueOn(DateOnly asOf) =>
        RoundOn(asOf) == HandlingRound.Rehandling && RehandleDueOn is { } rehandle ? rehandle : DueInForceOn(asOf);

    /// <summary>Whether the answer the lead division owes on <paramref name="asOf"/> is recorded by then.</summary>
    public bool IsAnsweredBy(DateOnly asOf) => RoundOn(asOf) == HandlingRound.First
        ? IsRepliedBy(asOf)
        : RerepliedOn is { } r && r <= asOf;

    /// <summary>Whether the lead division still owes an answer on <paramref name="asOf"/>.</summary>
    public bool OwesAnswerOn(DateOnly asOf) => !IsReturned && !IsAnsweredBy(asOf);

    /// <summary>Whether the item is still owed and past the due date of its round on <paramref name="asOf"/>.</summary>
    public bool IsOverdue(DateOnly asOf) => OwesAnswerOn(asOf) && asOf > LeadDueOn(asOf);

    /// <summary>Whether <paramref name="division"/>'s input is recorded as delivered on or before <paramref name="asOf"/>.</summary>
    public bool IsCoInputDeliveredBy(string division, DateOnly asOf)
    {
        for (var i = 0; i < CoInputs.Count; i++)
        {
            if (string.Equals(CoInputs[i].Division, division, StringComparison.Ordinal) && CoInputs[i].DeliveredOn <= asOf) return true;
        }
        return false;
    }

    /// <summary>
    /// The day from which the item owes nothing more (its answer recorded, or its return); null while
    /// something is still owed. The sweep reads only items not settled on its day.
    /// </summary>
    public DateOnly? SettledOn
    {
        get
        {
            if (IsReturned) return ReturnDecidedOn ?? ReturnedOn ?? AssignedOn;
            if (Satisfaction == Ledger.Satisfaction.Dissatisfied && EvaluatedOn is not null && RehandleDueOn is not null) return RerepliedOn;
            return RepliedOn;
        }
    }

    /// <summary>
    /// The earliest date any reminder of the item counts against: the acknowledgement's while not
    /// acknowledged, the co-divisions' input while some is missing, the due date of the round.
    /// An item is a sweep candidate once this date is near.
    /// </summary>
    public DateOnly EarliestDueOn
    {
        get
        {
            var rehandling = RehandleDueOn is not null && Satisfaction == Ledger.Satisfaction.Dissatisfied && EvaluatedOn is not null;
            var earliest = rehandling ? RehandleDueOn!.Value : EffectiveDueOn;
            if (rehandling) return earliest;
            if (AcknowledgeDueOn is { } ack && AcknowledgedOn is null && ack < earliest) earliest = ack;
            if (CoInputDueOn < earliest && CoDivisions.Any(d => !CoInputs.Any(c => string.Equals(c.Division, d, StringComparison.Ordinal)))) earliest = CoInputDueOn;
            return earliest;
        }
    }

    /// <summary>The status as of a date, derived from the recorded facts.</summary>
    public ItemStatus StatusOn(DateOnly asOf)
    {
        if (IsReturned) return ItemStatus.Returned;
        if (IsRepliedBy(asOf))
        {
            if (Satisfaction == Ledger.Satisfaction.Dissatisfied)
            {
                if (RerepliedOn is not { } again || again > asOf) return ItemStatus.ReHandling;
                return SecondSatisfaction is null ? ItemStatus.Replied : ItemStatus.Evaluated;
            }
            return Satisfaction is null ? ItemStatus.Replied : ItemStatus.Evaluated;
        }
        if (Extension is { } e && e.InForceOn(asOf)) return ItemStatus.Extended;
        if (AcknowledgedOn is { } a && a <= asOf) return ItemStatus.Acknowledged;
        return ItemStatus.Assigned;
    }
}
