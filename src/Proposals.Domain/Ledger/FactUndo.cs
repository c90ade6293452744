namespace Proposals.Domain.Ledger;

/// <summary>
/// Takes a recorded fact back (<c>proposals record undo</c>): the item as it was without it, or the
/// reason it cannot go while a later fact rests on it (the evaluation rests on the reply, the decision
/// on the return request). The fact itself stays in the history, marked undone.
/// </summary>
public static class FactUndo
{
    /// <summary>
    /// <paramref name="item"/> without <paramref name="fact"/>, the latest fact of its kind not yet undone;
    /// <paramref name="earlier"/> are the facts of the same kind recorded before it and not undone, oldest first
    /// (the extensions in force before it, each from its own approval).
    /// </summary>
    public static FactResult Apply(Item item, LedgerFact fact, IReadOnlyList<LedgerFact>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(fact);
        var previous = earlier is { Count: > 0 } ? earlier[^1] : null;
        return fact.Kind switch
        {
            FactKind.Acknowledgement => fact.Division is { } d && d != item.LeadDivision
                ? new FactResult.Applied(item)
                : new FactResult.Applied(item with { AcknowledgedOn = null }),
            FactKind.Reply => Reply(item),
            FactKind.CoInput => new FactResult.Applied(item with { CoInputs = item.CoInputs.Where(c => c.Division != fact.Division).ToList() }),
            FactKind.Return => item.ReturnDecision is { } decided && item.ReturnedOn == fact.On
                ? Refuse($"退回申请已有决定 ({decided.ChineseName()}), 请先撤销退回决定 (the request was decided: undo the return decision first)")
                : new FactResult.Applied(item with { ReturnedOn = null, ReturnReason = null, ReturnDecision = null, ReturnDecidedOn = null, ReturnDecidedBy = null }),
            FactKind.ReturnDecision => new FactResult.Applied(item with { ReturnDecision = null, ReturnDecidedOn = null, ReturnDecidedBy = null }),
            FactKind.Extension => new FactResult.Applied(item with
            {
                // The extension before it is in force again, itself after the one before that.
                Extension = previous?.To is { } to
                    ? new Extension(to, previous.Reason, previous.On, previous.DecidedBy, earlier!.Count > 1 ? earlier[^2].To : null)
                    : null,
            }),
            FactKind.Evaluation => Evaluation(item),
            FactKind.Publication => new FactResult.Applied(item with { PublishedOn = null }),
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Kind, null),
        };
    }

    // The latest reply is the second one while re-handling has one, the first otherwise.
    private static FactResult Reply(Item item)
    {
        if (item.RerepliedOn is not null)
        {
            return item.SecondSatisfaction is not null
                ? Refuse("重新答复已有再次测评, 请先撤销测评 (the second reply was evaluated: undo the evaluation first)")
                : new FactResult.Applied(item with { RerepliedOn = null, SecondReplyClass = null });
        }
        if (item.Satisfaction is not null) return Refuse("答复已有测评, 请先撤销测评 (the reply was evaluated: undo the evaluation first)");
        if (item.PublishedOn is not null) return Refuse("答复已公开, 请先撤销公开 (the reply was published: undo the publication first)");
        return new FactResult.Applied(item with { RepliedOn = null, ReplyClass = null });
    }

    private static FactResult Evaluation(Item item)
    {
        if (item.SecondSatisfaction is not null) return new FactResult.Applied(item with { SecondSatisfaction = null });
        if (item.RerepliedOn is not null) return Refuse("不满意后已重新答复, 请先撤销重新答复 (the item was answered again: undo the second reply first)");
        return new FactResult.Applied(item with { Satisfaction = null, EvaluatedOn = null });
    }

    private static FactResult.Refused Refuse(string reason) => new(reason);
}
