using System.Globalization;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Worker.Reporting;
using static Proposals.Domain.Ledger.Satisfaction;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// The shipped paragraph reads like the bureau's own: full-width punctuation, the sessions named, 主办 and
/// 协办 apart, 满意率 as Reports:CountBasicallySatisfied counts it, 重新办理 when any, items still within their limit never called late.
/// </summary>
public sealed class ParagraphWordingFacts
{
    private static readonly ParagraphRenderer Shipped = ParagraphRenderer.FromProgramFolder();

    private static string Render(IEnumerable<Item> items, string asOf = "2019-12-31") =>
        Shipped.Render(YearReport.Build(items, 2019, D(asOf)));

    private static Item Npc(string? replied = "2019-05-20", string due = "2019-06-03", BureauRole role = BureauRole.Lead,
        Satisfaction? satisfaction = null, string? rereplied = null, Satisfaction? second = null, string session = "十五届一次", string? published = null) =>
        Item(ItemKind.Npc, assigned: "2019-03-01", due: due, replied: replied, role: role, satisfaction: satisfaction,
            evaluated: satisfaction is null ? null : "2019-06-10", rereplied: rereplied, second: second, session: session, published: published);

    [Fact]
    public void LedAndAssisted_AreCountedApart()
    {
        Assert.Equal(
            "2019年共承办市十五届人大一次会议代表建议3件，其中主办2件、协办1件；主办的2件已全部按期办理答复完毕，办复率为100%；" +
            "协办的1件已向主办单位提交协办意见。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Npc(), Npc(), Npc(replied: "2019-03-25", due: "2019-04-01", role: BureauRole.Assisting)]));
    }

    [Fact]
    public void OnlyAssisted_SaysSo_AndGivesNoReplyRate()
    {
        Assert.Equal(
            "2019年承办市十五届人大一次会议代表建议2件，均为协办，已向主办单位提交协办意见1件。未承办市政协委员提案。",
            Render([Npc(replied: "2019-03-25", due: "2019-04-01", role: BureauRole.Assisting), Npc(replied: null, due: "2019-04-01", role: BureauRole.Assisting)]));
    }

    [Fact]
    public void AssistedInputNotYetSent_SaysSo()
    {
        Assert.Equal(
            "2019年共承办市十五届人大一次会议代表建议2件，其中主办1件、协办1件；主办的1件已按期办理答复完毕，办复率为100%；" +
            "协办的1件尚未向主办单位提交协办意见。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Npc(), Npc(replied: null, due: "2019-04-01", role: BureauRole.Assisting)]));
    }

    [Fact]
    public void ItemsWithinTheirLimit_AreNeverCalledLate()
    {
        //  Two replied on time; one assigned in October, due 2020-01-15, open at the year end.
        Assert.Equal(
            "2019年承办市十五届人大一次会议代表建议3件，已按期办理答复2件，办复率为66.67%，其余1件尚在办理期限内。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Npc(), Npc(), Item(assigned: "2019-10-15", due: "2020-01-15", session: "十五届一次")]));
    }

    [Fact]
    public void LateAndOverdue_AreNamed_AndItemsWithinTheirLimitApart()
    {
        Assert.Equal(
            "2019年承办市十五届人大一次会议代表建议4件，已办理答复2件，办复率为50%，按期办复率为25%，逾期未办复1件，另有1件尚在办理期限内。" +
            "未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Npc(), Npc(replied: "2019-06-10"), Npc(replied: null), Item(assigned: "2019-10-15", due: "2020-01-15", session: "十五届一次")]));
    }

    [Fact]
    public void Rehandling_GivesTheFinalSatisfaction()
    {
        Assert.Equal(
            "2019年承办市十五届人大一次会议代表建议2件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为50%；" +
            "对不满意的1件重新办理并再次答复，最终满意率（含基本满意）为100%。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Npc(satisfaction: Satisfied), Npc(satisfaction: Dissatisfied, rereplied: "2019-07-05", second: BasicallySatisfied)]));
    }

    [Fact]
    public void Rehandling_NotAllAnsweredAgain_SaysHowMany()
    {
        Assert.Equal(
            "2019年承办市十五届人大一次会议代表建议3件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为33.33%；" +
            "对不满意的2件重新办理，已再次答复1件，最终满意率（含基本满意）为66.67%。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Npc(satisfaction: Satisfied), Npc(satisfaction: Dissatisfied, rereplied: "2019-07-05", second: Satisfied), Npc(satisfaction: Dissatisfied)]));
    }

    [Fact]
    public void PublishedReplies_CloseTheParagraph()
    {
        Assert.Equal(
            "2019年承办市十五届人大一次会议代表建议2件，已全部按期办理答复完毕，办复率为100%。" +
            "承办市政协十四届二次会议提案1件，已按期办理答复完毕，办复率为100%。已办复的3件中，已公开答复2件。",
            Render(
            [
                Npc(published: "2019-07-01"),
                Npc(),
                Item(ItemKind.Cppcc, assigned: "2019-03-01", due: "2019-06-03", replied: "2019-05-20", session: "十四届二次", published: "2019-07-01"),
            ]));
    }

    [Fact]
    public void SeveralSessions_AreNamedTogether()
    {
        Assert.StartsWith(
            "2019年承办市十五届人大一次会议及闭会期间代表建议3件，",
            Render([Npc(), Npc(session: "闭会期间"), Npc(session: "第十五届第一次会议")]));
    }

    [Fact]
    public void Punctuation_IsFullWidth()
    {
        var paragraphs = new[]
        {
            Render([Npc(), Npc(replied: "2019-06-10"), Npc(replied: null), Npc(role: BureauRole.Assisting), Npc(satisfaction: Dissatisfied)]),
            Render([Item(assigned: "2019-03-01", due: "2019-07-31")], "2019-06-30"),
            Render([]),
        };
        Assert.All(paragraphs, p => Assert.True(p.IndexOfAny([',', ';', ':', '(', ')']) < 0, p));
        Assert.StartsWith("截至2019年6月30日，", paragraphs[1]);
    }

    [Fact]
    public void HostCulture_DoesNotReachTheParagraph()
    {
        var report = YearReport.Build(Seeds2018(), 2018, D("2018-06-30"));
        var invariant = Shipped.Render(report);
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // Thai: a Buddhist calendar (2018 is 2561).
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("th-TH");
            Assert.Equal(invariant, Shipped.Render(report));
            Assert.StartsWith("截至2018年6月30日，2018年", invariant);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
