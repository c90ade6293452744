using System.Globalization;

namespace Proposals.Domain.Ledger;

/// <summary>
/// What a recorded fact does to an item, and the facts that contradict the record and are refused:
/// a date before the assignment or after today, a reply on a returned item, an evaluation without
/// a reply, a second reply while none is owed. The derived dates (the re-handling due date, an
/// extension moved off a day off) are computed afterwards by <see cref="Deadlines.ItemDeadlines"/>.
/// </summary>
public static class FactRules
{
    /// <summary>The item with <paramref name="fact"/> applied, or the reason it is refused (Chinese, then English).</summary>
    public static FactResult Apply(Item item, LedgerFact fact, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(fact);
        if (fact.On < item.AssignedOn) return Refuse($"日期 {Iso(fact.On)} 早于交办日期 {Iso(item.AssignedOn)} (before the item was assigned)");
        if (fact.On > today) return Refuse($"日期 {Iso(fact.On)} 晚于今天 {Iso(today)} (a fact cannot be dated in the future)");
        if (item.IsReturned && fact.Kind != FactKind.Return) return Refuse("事项已退回 (the item was returned)");
        return fact.Kind switch
        {
            FactKind.Acknowledgement => Acknowledge(item, fact),
            FactKind.Reply => Reply(item, fact),
            FactKind.CoInput => CoInput(item, fact),
            FactKind.Return => Return(item, fact),
            FactKind.Extension => Extend(item, fact),
            FactKind.Evaluation => Evaluate(item, fact),
            _ => Publish(item, fact),
        };
    }

    private static FactResult Acknowledge(Item item, LedgerFact fact)
    {
        var division = fact.Division ?? item.LeadDivision;
        if (division == item.LeadDivision)
        {
            if (item.AcknowledgedOn is { } on) return on == fact.On ? new FactResult.Unchanged(item) : Refuse($"{division} 已于 {Iso(on)} 签收 (already acknowledged)");
            return new FactResult.Applied(item with { AcknowledgedOn = fact.On });
        }
        // A co-division's acknowledgement is kept as the fact itself; the item has nothing to change.
        return item.CoDivisions.Contains(division, StringComparer.Ordinal)
            ? new FactResult.Unchanged(item)
            : Refuse($"{division} 不是此事项的主办或协办处室 (does not handle the item)");
    }

    private static FactResult Reply(Item item, LedgerFact fact)
    {
        if (item.BureauRole == BureauRole.Assisting && fact.Class is not null)
            return Refuse("协办件只送协办意见, 不答复不分类 (an item the bureau assists has no reply class)");
        if (item.BureauRole == BureauRole.Lead && fact.Class is null && item.RoundOn(fact.On) == HandlingRound.First)
            return Refuse("答复需注明答复类别 A/B/C/D (a reply needs its class)");
        if (item.RoundOn(fact.On) == HandlingRound.Rehandling)
        {
            if (item.RerepliedOn is { } again) return Refuse($"已于 {Iso(again)} 重新答复 (already answered again)");
            if (fact.On < item.EvaluatedOn) return Refuse($"重新答复早于测评日期 {Iso(item.EvaluatedOn!.Value)} (before the evaluation)");
            return new FactResult.Applied(item with { RerepliedOn = fact.On, ReplyClass = fact.Class ?? item.ReplyClass });
        }
        if (item.RepliedOn is { } replied) return Refuse($"已于 {Iso(replied)} 答复 (already replied)");
        return new FactResult.Applied(item with { RepliedOn = fact.On, ReplyClass = fact.Class });
    }

    private static FactResult CoInput(Item item, LedgerFact fact)
    {
        var division = fact.Division ?? "";
        if (!item.CoDivisions.Contains(division, StringComparer.Ordinal)) return Refuse($"{division} 不是此事项的协办处室 (not a co-division of the item)");
        if (item.CoInputs.FirstOrDefault(c => c.Division == division) is { } known)
            return known.DeliveredOn == fact.On ? new FactResult.Unchanged(item) : Refuse($"{division} 的协办意见已于 {Iso(known.DeliveredOn)} 送达 (already delivered)");
        return new FactResult.Applied(item with { CoInputs = [.. item.CoInputs, new CoInput(division, fact.On)] });
    }

    private static FactResult Return(Item item, LedgerFact fact)
    {
        if (string.IsNullOrWhiteSpace(fact.Reason)) return Refuse("退回需写明原因 (a return needs its reason)");
        if (item.IsReturned) return Refuse($"已于 {(item.ReturnedOn is { } on ? Iso(on) : "此前")} 退回 (already returned)");
        if (item.RepliedOn is { } replied) return Refuse($"已于 {Iso(replied)} 答复, 不能退回 (already replied)");
        return new FactResult.Applied(item with { IsReturned = true, ReturnedOn = fact.On, ReturnReason = fact.Reason.Trim() });
    }

    private static FactResult Extend(Item item, LedgerFact fact)
    {
        if (fact.To is not { } to) return Refuse("延期需给出新的办理期限 (an extension needs its new due date)");
        if (string.IsNullOrWhiteSpace(fact.Reason)) return Refuse("延期需写明原因 (an extension needs its reason)");
        if (item.RepliedOn is { } replied) return Refuse($"已于 {Iso(replied)} 答复, 不能延期 (already replied)");
        if (to <= item.EffectiveDueOn) return Refuse($"新期限 {Iso(to)} 应晚于现行期限 {Iso(item.EffectiveDueOn)} (an extension moves the due date later)");
        return new FactResult.Applied(item with { Extension = new Extension(to, fact.Reason.Trim()) });
    }

    private static FactResult Evaluate(Item item, LedgerFact fact)
    {
        if (fact.Satisfaction is not { } satisfaction) return Refuse("测评需给出满意度 满意/基本满意/不满意 (an evaluation needs its result)");
        if (item.BureauRole == BureauRole.Assisting) return Refuse("协办件不测评 (an item the bureau assists is not evaluated)");
        if (item.RepliedOn is not { } replied || replied > fact.On) return Refuse("尚未答复, 不能测评 (not replied yet)");
        if (item.Satisfaction is null) return new FactResult.Applied(item with { Satisfaction = satisfaction, EvaluatedOn = fact.On });
        if (item.Satisfaction == Satisfaction.Dissatisfied && item.RerepliedOn is { } again)
        {
            if (item.SecondSatisfaction is not null) return Refuse("已再次测评 (already evaluated again)");
            if (fact.On < again) return Refuse($"再次测评早于重新答复日期 {Iso(again)} (before the second reply)");
            return new FactResult.Applied(item with { SecondSatisfaction = satisfaction });
        }
        return Refuse($"已测评为 {item.Satisfaction.Value.ChineseName()} (already evaluated)");
    }

    private static FactResult Publish(Item item, LedgerFact fact)
    {
        if (item.RepliedOn is not { } replied || replied > fact.On) return Refuse("尚未答复, 不能公开 (not replied yet)");
        if (item.PublishedOn is { } on) return on == fact.On ? new FactResult.Unchanged(item) : Refuse($"已于 {Iso(on)} 公开 (already published)");
        return new FactResult.Applied(item with { PublishedOn = fact.On });
    }

    private static FactResult.Refused Refuse(string reason) => new(reason);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What recording a fact came to.</summary>
public abstract record FactResult
{
    private FactResult() { }

    /// <summary>The fact changes the item to <paramref name="Item"/>.</summary>
    public sealed record Applied(Item Item) : FactResult;

    /// <summary>The fact was already on record (the same acknowledgement twice, say): nothing changes.</summary>
    public sealed record Unchanged(Item Item) : FactResult;

    /// <summary>The fact contradicts the record, for <paramref name="Reason"/>.</summary>
    public sealed record Refused(string Reason) : FactResult;
}
