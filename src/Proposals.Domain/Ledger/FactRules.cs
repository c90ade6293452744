using System.Globalization;
using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;

namespace Proposals.Domain.Ledger;

/// <summary>
/// The local rules a recorded fact is held to beyond the record itself.
/// </summary>
/// <param name="Calendar">The working-day calendar the extension cap is counted on.</param>
/// <param name="MaxExtensionMonths">Ledger:MaxExtensionMonths: an extended due date at most this many months after 交办; null for no cap.</param>
public sealed record FactPolicy(WorkingCalendar Calendar, int? MaxExtensionMonths)
{
    /// <summary>The latest due date an extension may give an item assigned on <paramref name="assignedOn"/> (交办 + the cap, on a working day); null for no cap.</summary>
    public DateOnly? ExtensionCap(DateOnly assignedOn) => MaxExtensionMonths is { } months ? DueDate.AfterMonths(Calendar, assignedOn, months) : null;
}

/// <summary>
/// What a recorded fact does to an item, and the facts that contradict the record and are refused:
/// a date before the assignment or after today, a reply on a returned item, an evaluation without
/// a reply, a second reply while none is owed, an extension approved after the due date in force or
/// past its cap, a return asked late (each of the last three unless overridden with a reason). The derived dates (the re-handling due date, an
/// extension moved off a day off) are computed afterwards by <see cref="Deadlines.ItemDeadlines"/>.
/// </summary>
public static class FactRules
{
    /// <summary>The item with <paramref name="fact"/> applied, or the reason it is refused (Chinese, then English).</summary>
    public static FactResult Apply(Item item, LedgerFact fact, DateOnly today, FactPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(policy);
        if (fact.On < item.AssignedOn) return Refuse($"日期 {Iso(fact.On)} 早于交办日期 {Iso(item.AssignedOn)} (before the item was assigned)");
        if (fact.On > today) return Refuse($"日期 {Iso(fact.On)} 晚于今天 {Iso(today)} (a fact cannot be dated in the future)");
        if (item.IsReturned) return Refuse($"事项已于 {(item.ReturnDecidedOn is { } on ? Iso(on) : "此前")} 退回 (the item was returned)");
        return fact.Kind switch
        {
            FactKind.Acknowledgement => Acknowledge(item, fact),
            FactKind.Reply => Reply(item, fact),
            FactKind.CoInput => CoInput(item, fact),
            FactKind.Return => Return(item, fact),
            FactKind.ReturnDecision => Decide(item, fact),
            FactKind.Extension => Extend(item, fact, policy),
            FactKind.Evaluation => Evaluate(item, fact),
            FactKind.Publication => Publish(item, fact),
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Kind, null),
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
        if (!item.BureauRole.IsLead() && fact.Class is not null)
            return Refuse("协办件只送协办意见, 不答复不分类 (an item the bureau assists has no reply class)");
        if (item.BureauRole.IsLead() && fact.Class is null && item.RoundOn(fact.On) == HandlingRound.First)
            return Refuse("答复需注明答复类别 A/B/C/D (a reply needs its class)");
        if (item.RoundOn(fact.On) == HandlingRound.Rehandling)
        {
            if (item.RerepliedOn is { } again) return Refuse($"已于 {Iso(again)} 重新答复 (already answered again)");
            if (fact.On < item.EvaluatedOn) return Refuse($"重新答复早于测评日期 {Iso(item.EvaluatedOn!.Value)} (before the evaluation)");
            // The first reply's class is what the first round was counted by: a later answer never rewrites it.
            return new FactResult.Applied(item with { RerepliedOn = fact.On, SecondReplyClass = fact.Class });
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

    // A request (申请): the item stays the bureau's, with its reminders and its place in the rates, until decided.
    private static FactResult Return(Item item, LedgerFact fact)
    {
        if (string.IsNullOrWhiteSpace(fact.Reason)) return Refuse("退回需写明原因 (a return needs its reason)");
        if (item.IsReturnPending) return Refuse($"已于 {Iso(item.ReturnedOn!.Value)} 申请退回, 待决定 (a return was already asked and awaits its decision)");
        if (item.RepliedOn is { } replied) return Refuse($"已于 {Iso(replied)} 答复, 不能退回 (already replied)");
        if (item.ReturnBy is { } by && fact.On > by && string.IsNullOrWhiteSpace(fact.Override))
        {
            return Refuse($"退回申请 {Iso(fact.On)} 晚于交办后 Ledger:ReturnWorkingDays 个工作日的期限 {Iso(by)}, 逾期不作调整; 如确需记录, 请用 --override 写明理由 " +
                $"(a return asked on {Iso(fact.On)}, after the limit {Iso(by)} of Ledger:ReturnWorkingDays working days from assignment, is refused; give --override REASON to record it anyway)");
        }
        return new FactResult.Applied(item with
        {
            ReturnedOn = fact.On, ReturnReason = fact.Reason.Trim(), ReturnDecision = null, ReturnDecidedOn = null, ReturnDecidedBy = null,
        });
    }

    private static FactResult Decide(Item item, LedgerFact fact)
    {
        if (fact.Decision is not { } decision) return Refuse("退回决定需注明 同意 或 不同意 (a return decision is approved or refused)");
        if (!item.IsReturnPending) return Refuse("没有待决定的退回申请 (no return request awaits a decision)");
        if (fact.On < item.ReturnedOn) return Refuse($"决定日期 {Iso(fact.On)} 早于申请日期 {Iso(item.ReturnedOn!.Value)} (the decision is dated before the request)");
        return new FactResult.Applied(item with { ReturnDecision = decision, ReturnDecidedOn = fact.On, ReturnDecidedBy = Trimmed(fact.DecidedBy) });
    }

    // Approved by the assigning office before the due date in force, and within the cap from 交办
    // (both moved off days off), unless overridden with a reason: an extension found later must not
    // rewrite a year already reported.
    private static FactResult Extend(Item item, LedgerFact fact, FactPolicy policy)
    {
        if (fact.To is not { } typed) return Refuse("延期需给出新的办理期限 (an extension needs its new due date)");
        if (string.IsNullOrWhiteSpace(fact.Reason)) return Refuse("延期需写明原因 (an extension needs its reason)");
        if (item.RepliedOn is { } replied) return Refuse($"已于 {Iso(replied)} 答复, 不能延期 (already replied)");
        var to = policy.Calendar.OnOrAfter(typed);
        if (to <= item.EffectiveDueOn) return Refuse($"新期限 {Iso(to)} 应晚于现行期限 {Iso(item.EffectiveDueOn)} (an extension moves the due date later)");
        var overridden = !string.IsNullOrWhiteSpace(fact.Override);
        if (fact.On > item.EffectiveDueOn && !overridden)
        {
            return Refuse($"延期批准日期 {Iso(fact.On)} 晚于现行期限 {Iso(item.EffectiveDueOn)}: 延期应在期限届满前批准; 如确需记录, 请用 --override 写明理由 " +
                $"(approved on {Iso(fact.On)}, after the due date in force {Iso(item.EffectiveDueOn)}: an extension is approved before the deadline; give --override REASON to record it anyway)");
        }
        if (policy.ExtensionCap(item.AssignedOn) is { } cap && !overridden)
        {
            var months = policy.MaxExtensionMonths;
            if (to > cap)
            {
                return Refuse($"新期限 {Iso(to)} 超过交办后 {months} 个月 ({Iso(cap)}, Ledger:MaxExtensionMonths); 如确需记录, 请用 --override 写明理由 " +
                    $"(the new due date {Iso(to)} is more than {months} months after assignment, {Iso(cap)}, Ledger:MaxExtensionMonths; give --override REASON to record it anyway)");
            }
        }
        return new FactResult.Applied(item with
        {
            Extension = new Extension(to, fact.Reason.Trim(), fact.On, Trimmed(fact.DecidedBy), item.EffectiveDueOn),
        });
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static FactResult Evaluate(Item item, LedgerFact fact)
    {
        if (fact.Satisfaction is not { } satisfaction) return Refuse("测评需给出满意度 满意/基本满意/不满意 (an evaluation needs its result)");
        if (!item.BureauRole.IsLead()) return Refuse("协办件不测评 (an item the bureau assists is not evaluated)");
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
