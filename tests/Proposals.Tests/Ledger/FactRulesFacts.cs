using Proposals.Domain.Ledger;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Ledger;

/// <summary>What a recorded fact does to an item, and the facts that contradict the record.</summary>
public class FactRulesFacts
{
    private static readonly DateOnly Today = D("2019-10-15");
    private static readonly FactPolicy Policy = new(new Proposals.Domain.Calendar.WorkingCalendar(Proposals.Domain.Calendar.ShippedCalendar.Load()), MaxExtensionMonths: 6);

    // Assigned 2019-07-01, due 2019-10-08, lead 银行保险处, co-division 综合处.
    private static Item Open => Make("0012", "2019-07-01", "2019-10-08", co: ["综合处"]);

    private static string Apply(Item item, LedgerFact fact) => FactRules.Apply(item, fact, Today, Policy) switch
    {
        FactResult.Applied a => "applied " + Describe(a.Item),
        FactResult.Unchanged => "unchanged",
        FactResult.Refused r => "refused: " + r.Reason,
        _ => "?",
    };

    private static string Describe(Item i) =>
        $"ack={i.AcknowledgedOn:MM-dd} replied={i.RepliedOn:MM-dd}/{i.ReplyClass} co={string.Join(",", i.CoInputs.Select(c => $"{c.Division}@{c.DeliveredOn:MM-dd}"))} " +
        $"returned={i.IsReturned}@{i.ReturnedOn:MM-dd} ext={i.Extension?.NewDueOn:MM-dd} sat={i.Satisfaction}@{i.EvaluatedOn:MM-dd} again={i.RerepliedOn:MM-dd}/{i.SecondSatisfaction} pub={i.PublishedOn:MM-dd}";

    private static LedgerFact F(FactKind kind, string on, string? division = null, ReplyClass? cls = null, Satisfaction? sat = null, string? to = null, string? reason = null) =>
        new(kind, D(on), division, cls, sat, to is null ? null : D(to), reason);

    public static TheoryData<string, LedgerFact, string> Cases => new()
    {
        { "the lead acknowledges", F(FactKind.Acknowledgement, "2019-07-02"), "applied ack=07-02 replied=/ co= returned=False@ ext= sat=@ again=/ pub=" },
        { "a co-division acknowledges: the fact alone", F(FactKind.Acknowledgement, "2019-07-02", "综合处"), "unchanged" },
        { "a stranger acknowledges", F(FactKind.Acknowledgement, "2019-07-02", "法规处"), "refused: 法规处 不是此事项的主办或协办处室 (does not handle the item)" },
        { "a reply", F(FactKind.Reply, "2019-09-30", cls: ReplyClass.A), "applied ack= replied=09-30/A co= returned=False@ ext= sat=@ again=/ pub=" },
        { "a reply without its class", F(FactKind.Reply, "2019-09-30"), "refused: 答复需注明答复类别 A/B/C/D (a reply needs its class)" },
        { "a reply before assignment", F(FactKind.Reply, "2019-06-30", cls: ReplyClass.A), "refused: 日期 2019-06-30 早于交办日期 2019-07-01 (before the item was assigned)" },
        { "a reply dated tomorrow", F(FactKind.Reply, "2019-10-16", cls: ReplyClass.A), "refused: 日期 2019-10-16 晚于今天 2019-10-15 (a fact cannot be dated in the future)" },
        { "a co-division's input", F(FactKind.CoInput, "2019-07-25", "综合处"), "applied ack= replied=/ co=综合处@07-25 returned=False@ ext= sat=@ again=/ pub=" },
        { "input from the lead itself", F(FactKind.CoInput, "2019-07-25", "银行保险处"), "refused: 银行保险处 不是此事项的协办处室 (not a co-division of the item)" },
        { "a return", F(FactKind.Return, "2019-07-05", reason: "不属本单位职责"), "applied ack= replied=/ co= returned=False@07-05 ext= sat=@ again=/ pub=" },
        { "a return without its reason", F(FactKind.Return, "2019-07-05"), "refused: 退回需写明原因 (a return needs its reason)" },
        { "an extension", F(FactKind.Extension, "2019-09-20", to: "2019-12-31", reason: "涉及多部门协调"), "applied ack= replied=/ co= returned=False@ ext=12-31 sat=@ again=/ pub=" },
        { "an extension to an earlier day", F(FactKind.Extension, "2019-09-20", to: "2019-10-01", reason: "x"), "refused: 新期限 2019-10-08 应晚于现行期限 2019-10-08 (an extension moves the due date later)" },
        { "an evaluation before any reply", F(FactKind.Evaluation, "2019-10-10", sat: Satisfaction.Satisfied), "refused: 尚未答复, 不能测评 (not replied yet)" },
        { "a publication before any reply", F(FactKind.Publication, "2019-10-10"), "refused: 尚未答复, 不能公开 (not replied yet)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AFactOnAnOpenItem(string what, LedgerFact fact, string expected)
    {
        Assert.NotEmpty(what);
        Assert.Equal(expected, Apply(Open, fact));
    }

    //  Replied Sep 30, evaluated 不满意 Oct 10: a second reply then a second evaluation; a third of either is refused.
    [Fact]
    public void ReHandling_TakesASecondReplyAndASecondEvaluation_ThenNoMore()
    {
        var replied = Open with { RepliedOn = D("2019-09-30"), ReplyClass = ReplyClass.C };
        var evaluated = ((FactResult.Applied)FactRules.Apply(replied, F(FactKind.Evaluation, "2019-10-10", sat: Satisfaction.Dissatisfied), Today, Policy)).Item;
        // The re-handling due date is derived from the evaluation date (ItemDeadlines); here set by hand.
        var rehandling = evaluated with { RehandleDueOn = D("2019-11-11") };

        var again = ((FactResult.Applied)FactRules.Apply(rehandling, F(FactKind.Reply, "2019-10-14", cls: ReplyClass.B), Today, Policy)).Item;
        var second = FactRules.Apply(again, F(FactKind.Evaluation, "2019-10-15", sat: Satisfaction.Satisfied), Today, Policy);

        Assert.Equal((Satisfaction.Dissatisfied, D("2019-10-10")), (evaluated.Satisfaction, evaluated.EvaluatedOn));
        Assert.Equal((D("2019-10-14"), ReplyClass.C, ReplyClass.B, D("2019-09-30")), (again.RerepliedOn, again.ReplyClass, again.SecondReplyClass, again.RepliedOn));
        Assert.Equal(Satisfaction.Satisfied, ((FactResult.Applied)second).Item.SecondSatisfaction);
        Assert.StartsWith("refused: 已于 2019-10-14 重新答复", Apply(again, F(FactKind.Reply, "2019-10-15", cls: ReplyClass.A)), StringComparison.Ordinal);
        Assert.StartsWith("refused: 已测评为 满意", Apply(replied with { Satisfaction = Satisfaction.Satisfied, EvaluatedOn = D("2019-10-10") },
            F(FactKind.Evaluation, "2019-10-11", sat: Satisfaction.Satisfied)), StringComparison.Ordinal);
    }

    [Fact]
    public void AReturnedItem_TakesNoOtherFact() =>
        Assert.Equal("refused: 事项已于 此前 退回 (the item was returned)", Apply(Open with { ReturnDecision = ReturnDecision.Approved }, F(FactKind.Reply, "2019-09-30", cls: ReplyClass.A)));

    [Fact]
    public void AnAssistingBureau_DeliversItsInputWithoutAClass_AndIsNotEvaluated()
    {
        var assisting = Open with { BureauRole = BureauRole.Assisting };

        Assert.StartsWith("applied ack= replied=09-30/ ", Apply(assisting, F(FactKind.Reply, "2019-09-30")), StringComparison.Ordinal);
        Assert.StartsWith("refused: 协办件只送协办意见", Apply(assisting, F(FactKind.Reply, "2019-09-30", cls: ReplyClass.A)), StringComparison.Ordinal);
        Assert.StartsWith("refused: 协办件不测评", Apply(assisting with { RepliedOn = D("2019-09-30") }, F(FactKind.Evaluation, "2019-10-10", sat: Satisfaction.Satisfied)), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameAcknowledgementTwice_ChangesNothing_AnotherDateIsRefused()
    {
        var acknowledged = Open with { AcknowledgedOn = D("2019-07-02") };

        Assert.Equal("unchanged", Apply(acknowledged, F(FactKind.Acknowledgement, "2019-07-02")));
        Assert.StartsWith("refused: 银行保险处 已于 2019-07-02 签收", Apply(acknowledged, F(FactKind.Acknowledgement, "2019-07-03")), StringComparison.Ordinal);
    }
}
