using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Ledger;

/// <summary>
/// Extensions with their approval and cap, returns as a request and a decision, and facts taken back,
/// on the real calendar. The item, as of 2019-10-15:
/// <code>
///   07-01 交办 ── 07-10 last day to ask a return (7 working days) ── 10-08 due (3 months, past National Day)
///   cap of an extension: 交办 + 6 months = 2020-01-01, a holiday: 2020-01-02
/// </code>
/// </summary>
public class RecordRulesFacts
{
    private static readonly DateOnly Today = D("2019-10-15");
    private static readonly WorkingCalendar Calendar = new(ShippedCalendar.Load());
    private static readonly FactPolicy Policy = new(Calendar, MaxExtensionMonths: 6);
    private static readonly Item Open = ItemDeadlines.Derive(Make("0012", "2019-07-01", "2019-10-08", co: ["综合处"]), Calendar, TimeLimits.Default);

    private static string Apply(Item item, LedgerFact fact, FactPolicy? policy = null) => FactRules.Apply(item, fact, Today, policy ?? Policy) switch
    {
        FactResult.Applied a => "applied " + Describe(a.Item),
        FactResult.Unchanged => "unchanged",
        FactResult.Refused r => "refused: " + r.Reason,
        _ => "?",
    };

    private static string Describe(Item i) =>
        $"due={i.EffectiveDueOn:MM-dd} ext={i.Extension?.NewDueOn:yyyy-MM-dd}@{i.Extension?.ApprovedOn:MM-dd}<{i.Extension?.PreviousDueOn:MM-dd} " +
        $"return={i.ReturnedOn:MM-dd}/{i.ReturnDecision}@{i.ReturnDecidedOn:MM-dd} returned={i.IsReturned}";

    private static LedgerFact Extension(string approvedOn, string to, string? overriding = null) =>
        new(FactKind.Extension, D(approvedOn), To: D(to), Reason: "涉及多部门协调", DecidedBy: "市人大代表工委", Override: overriding);

    public static TheoryData<string, LedgerFact, string> Extensions => new()
    {
        { "approved before the due date", Extension("2019-09-20", "2019-12-31"), "applied due=12-31 ext=2019-12-31@09-20<10-08 return=/@ returned=False" },
        { "approved on the due date", Extension("2019-10-08", "2019-12-31"), "applied due=12-31 ext=2019-12-31@10-08<10-08 return=/@ returned=False" },
        { "approved after it", Extension("2019-10-09", "2019-12-31"),
            "refused: 延期批准日期 2019-10-09 晚于现行期限 2019-10-08: 延期应在期限届满前批准; 如确需记录, 请用 --override 写明理由 " +
            "(approved on 2019-10-09, after the due date in force 2019-10-08: an extension is approved before the deadline; give --override REASON to record it anyway)" },
        { "approved after it, overridden", Extension("2019-10-09", "2019-12-31", "交办单位补发批复"), "applied due=12-31 ext=2019-12-31@10-09<10-08 return=/@ returned=False" },
        { "to the cap, moved off New Year", Extension("2019-09-20", "2020-01-01"), "applied due=01-02 ext=2020-01-02@09-20<10-08 return=/@ returned=False" },
        { "past the cap", Extension("2019-09-20", "2020-01-03"),
            "refused: 新期限 2020-01-03 超过交办后 6 个月 (2020-01-02, Ledger:MaxExtensionMonths); 如确需记录, 请用 --override 写明理由 " +
            "(the new due date 2020-01-03 is more than 6 months after assignment, 2020-01-02, Ledger:MaxExtensionMonths; give --override REASON to record it anyway)" },
        { "past the cap, overridden", Extension("2019-09-20", "2020-03-31", "省政府特批"), "applied due=03-31 ext=2020-03-31@09-20<10-08 return=/@ returned=False" },
    };

    [Theory]
    [MemberData(nameof(Extensions))]
    public void AnExtension(string what, LedgerFact fact, string expected)
    {
        Assert.NotEmpty(what);
        Assert.Equal(expected, Apply(Open, fact));
    }

    [Fact]
    public void WithoutACap_AnyLaterDateApprovedInTime_IsTaken() =>
        Assert.StartsWith("applied due=12-31 ext=2020-12-31", Apply(Open, Extension("2019-09-20", "2020-12-31"), Policy with { MaxExtensionMonths = null }), StringComparison.Ordinal);

    //  07-01 交办 ──── 09-20 extension approved to 12-31 ──── 10-08 old due date
    //  as of 09-19: due 10-08, not extended; as of 09-20 on: due 12-31; overdue on 10-09 only without the extension.
    [Theory]
    [InlineData("2019-09-19", "2019-10-08", "Acknowledged", false)]
    [InlineData("2019-09-20", "2019-12-31", "Extended", false)]
    [InlineData("2019-10-09", "2019-12-31", "Extended", false)]
    public void TheDueDateInForce_FollowsTheApproval(string asOf, string due, string status, bool overdue)
    {
        var item = ((FactResult.Applied)FactRules.Apply(Open with { AcknowledgedOn = D("2019-07-02") }, Extension("2019-09-20", "2019-12-31"), Today, Policy)).Item;

        Assert.Equal((D(due), status, overdue), (item.DueInForceOn(D(asOf)), item.StatusOn(D(asOf)).ToString(), item.IsOverdue(D(asOf))));
    }

    [Fact]
    public void AnExtensionApprovedLate_LeavesAnOverdueDayOverdue()
    {
        var item = ((FactResult.Applied)FactRules.Apply(Open, Extension("2019-10-14", "2019-12-31", "补批"), Today, Policy)).Item;

        Assert.Equal((true, false), (item.IsOverdue(D("2019-10-11")), item.IsOverdue(D("2019-10-15"))));
    }

    private static LedgerFact Request(string on, string? overriding = null) => new(FactKind.Return, D(on), Reason: "不属本单位职责", Override: overriding);

    private static LedgerFact Decision(string on, ReturnDecision decision) => new(FactKind.ReturnDecision, D(on), Decision: decision, DecidedBy: "市人大代表工委");

    public static TheoryData<string, Item, LedgerFact, string> Returns => new()
    {
        { "asked in time", Open, Request("2019-07-10"), "applied due=10-08 ext=@< return=07-10/@ returned=False" },
        { "asked late", Open, Request("2019-07-11"),
            "refused: 退回申请 2019-07-11 晚于交办后 Ledger:ReturnWorkingDays 个工作日的期限 2019-07-10, 逾期不作调整; 如确需记录, 请用 --override 写明理由 " +
            "(a return asked on 2019-07-11, after the limit 2019-07-10 of Ledger:ReturnWorkingDays working days from assignment, is refused; give --override REASON to record it anyway)" },
        { "asked late, overridden", Open, Request("2019-07-11", "交办单位同意"), "applied due=10-08 ext=@< return=07-11/@ returned=False" },
        { "asked twice", Open with { ReturnedOn = D("2019-07-05") }, Request("2019-07-08"),
            "refused: 已于 2019-07-05 申请退回, 待决定 (a return was already asked and awaits its decision)" },
        { "approved", Open with { ReturnedOn = D("2019-07-05") }, Decision("2019-07-10", ReturnDecision.Approved),
            "applied due=10-08 ext=@< return=07-05/Approved@07-10 returned=True" },
        { "refused", Open with { ReturnedOn = D("2019-07-05") }, Decision("2019-07-10", ReturnDecision.Refused),
            "applied due=10-08 ext=@< return=07-05/Refused@07-10 returned=False" },
        { "decided with no request", Open, Decision("2019-07-10", ReturnDecision.Approved), "refused: 没有待决定的退回申请 (no return request awaits a decision)" },
        { "decided before the request", Open with { ReturnedOn = D("2019-07-05") }, Decision("2019-07-04", ReturnDecision.Approved),
            "refused: 决定日期 2019-07-04 早于申请日期 2019-07-05 (the decision is dated before the request)" },
        { "asked again after a refusal", Open with { ReturnedOn = D("2019-07-03"), ReturnDecision = ReturnDecision.Refused, ReturnDecidedOn = D("2019-07-04") },
            Request("2019-07-08"), "applied due=10-08 ext=@< return=07-08/@ returned=False" },
    };

    [Theory]
    [MemberData(nameof(Returns))]
    public void AReturn(string what, Item item, LedgerFact fact, string expected)
    {
        Assert.NotEmpty(what);
        Assert.Equal(expected, Apply(item, fact));
    }

    [Fact]
    public void APendingReturn_KeepsTheItemTheBureaus_AnApprovedOneSettlesIt()
    {
        var pending = Open with { ReturnedOn = D("2019-07-05") };
        var approved = pending with { ReturnDecision = ReturnDecision.Approved, ReturnDecidedOn = D("2019-07-10") };

        Assert.Equal((true, false, (DateOnly?)null), (pending.IsOverdue(Today), pending.IsReturned, pending.SettledOn));
        Assert.Equal((false, true, D("2019-07-10")), (approved.IsOverdue(Today), approved.IsReturned, approved.SettledOn));
    }

    private static string Undo(Item item, LedgerFact fact, LedgerFact? previous = null) => FactUndo.Apply(item, fact, previous is null ? [] : [previous]) switch
    {
        FactResult.Applied a => $"applied replied={a.Item.RepliedOn:MM-dd}/{a.Item.ReplyClass} sat={a.Item.Satisfaction} again={a.Item.RerepliedOn:MM-dd}/{a.Item.SecondSatisfaction} " +
            $"pub={a.Item.PublishedOn:MM-dd} ext={a.Item.Extension?.NewDueOn:MM-dd} return={a.Item.ReturnedOn:MM-dd}/{a.Item.ReturnDecision}",
        FactResult.Refused r => "refused: " + r.Reason,
        _ => "?",
    };

    private static readonly Item Replied = Open with { RepliedOn = D("2019-09-30"), ReplyClass = ReplyClass.A };
    private static readonly Item Evaluated = Replied with { Satisfaction = Satisfaction.Dissatisfied, EvaluatedOn = D("2019-10-08") };
    private static readonly Item Rereplied = Evaluated with { RerepliedOn = D("2019-10-14"), SecondReplyClass = ReplyClass.B };

    public static TheoryData<string, Item, LedgerFact, LedgerFact?, string> Undos => new()
    {
        { "a reply", Replied, new(FactKind.Reply, D("2019-09-30"), Class: ReplyClass.A), null, "applied replied=/ sat= again=/ pub= ext= return=/" },
        { "a reply under its evaluation", Evaluated, new(FactKind.Reply, D("2019-09-30")), null,
            "refused: 答复已有测评, 请先撤销测评 (the reply was evaluated: undo the evaluation first)" },
        { "a published reply", Replied with { PublishedOn = D("2019-10-10") }, new(FactKind.Reply, D("2019-09-30")), null,
            "refused: 答复已公开, 请先撤销公开 (the reply was published: undo the publication first)" },
        { "an evaluation under a second reply", Rereplied, new(FactKind.Evaluation, D("2019-10-08")), null,
            "refused: 不满意后已重新答复, 请先撤销重新答复 (the item was answered again: undo the second reply first)" },
        { "a second reply: the first reply's class stands", Rereplied, new(FactKind.Reply, D("2019-10-14"), Class: ReplyClass.B),
            new(FactKind.Reply, D("2019-09-30"), Class: ReplyClass.A), "applied replied=09-30/A sat=Dissatisfied again=/ pub= ext= return=/" },
        { "the second of two extensions: the first is in force again", Open with { Extension = new Extension(D("2019-12-31"), "y", D("2019-11-01")) },
            Extension("2019-11-01", "2019-12-31"), Extension("2019-09-20", "2019-11-29"), "applied replied=/ sat= again=/ pub= ext=11-29 return=/" },
        { "a decided return request", Open with { ReturnedOn = D("2019-07-05"), ReturnDecision = ReturnDecision.Approved, ReturnDecidedOn = D("2019-07-10") },
            Request("2019-07-05"), null, "refused: 退回申请已有决定 (同意), 请先撤销退回决定 (the request was decided: undo the return decision first)" },
        { "a return decision: the request waits again", Open with { ReturnedOn = D("2019-07-05"), ReturnDecision = ReturnDecision.Approved, ReturnDecidedOn = D("2019-07-10") },
            Decision("2019-07-10", ReturnDecision.Approved), null, "applied replied=/ sat= again=/ pub= ext= return=07-05/" },
    };

    [Theory]
    [MemberData(nameof(Undos))]
    public void UndoingAFact(string what, Item item, LedgerFact fact, LedgerFact? previous, string expected)
    {
        Assert.NotEmpty(what);
        Assert.Equal(expected, Undo(item, fact, previous));
    }

    // The first round is counted by the first reply's class: a second reply (after 不满意) keeps its own.
    [Fact]
    public void ASecondReply_KeepsItsClassApart_AndTheFirstReplysClassStands()
    {
        var again = ((FactResult.Applied)FactRules.Apply(Evaluated with { RehandleDueOn = D("2019-11-08") }, new LedgerFact(FactKind.Reply, D("2019-10-14"), Class: ReplyClass.A), Today, Policy)).Item;

        Assert.Equal((ReplyClass.A, ReplyClass.A, D("2019-10-14")), (again.ReplyClass, again.SecondReplyClass, again.RerepliedOn));
        Assert.Equal((ReplyClass?)ReplyClass.A, Replied.ReplyClass);
    }

    //  09-20 approved to 11-29 ── 10-25 approved to 12-20 ── 11-20 approved to 12-31, then the last one undone:
    //  12-20 is in force again, from 10-25; before that 11-29 was.
    [Fact]
    public void UndoingTheLatestOfThreeExtensions_PutsTheOneBeforeInForce_FromItsOwnApproval()
    {
        var earlier = new List<LedgerFact> { Extension("2019-09-20", "2019-11-29"), Extension("2019-10-25", "2019-12-20") };
        var item = Open with { Extension = new Extension(D("2019-12-31"), "y", D("2019-11-20"), null, D("2019-12-20")) };

        var back = ((FactResult.Applied)FactUndo.Apply(item, Extension("2019-11-20", "2019-12-31"), earlier)).Item;

        Assert.Equal((D("2019-12-20"), D("2019-11-29"), D("2019-12-20")), (back.DueInForceOn(D("2019-10-25")), back.DueInForceOn(D("2019-10-24")), back.EffectiveDueOn));
    }

    [Fact]
    public void EveryFactKind_HasACodeAndAChineseName_AndReadsBack()
    {
        foreach (var kind in Enum.GetValues<FactKind>())
        {
            Assert.Equal(kind, FactKinds.Parse(kind.Code()));
            Assert.NotEmpty(kind.ChineseName());
        }
        foreach (var role in Enum.GetValues<BureauRole>()) Assert.Equal(role, BureauRoles.Parse(role.Code()));
        foreach (var decision in Enum.GetValues<ReturnDecision>()) Assert.Equal(decision, ReturnDecisions.Parse(decision.Code()));
    }
}
