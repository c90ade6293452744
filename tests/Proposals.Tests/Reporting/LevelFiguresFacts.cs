using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// A bureau of a county handles its county's items and its prefecture's: each level is counted apart, higher
/// levels first, and the kind's figures stay the levels' totals ("州人大代表建议2件……县人大代表建议4件").
/// </summary>
public sealed class LevelFiguresFacts
{
    private static readonly RateSettings County = new() { Level = "县" };

    //  assigned 2019-03-01, due 2019-06-03; as of the year end
    private static Item Npc(string session, string? replied = "2019-05-20", bool returned = false, BureauRole role = BureauRole.Lead,
        string assigned = "2019-03-01", string? published = null) =>
        Item(ItemKind.Npc, assigned: assigned, due: "2019-06-03", replied: replied, session: session, returned: returned, role: role, published: published);

    private static YearReport Build(IEnumerable<Item> items, RateSettings? settings = null) =>
        YearReport.Build(items, 2019, D("2019-12-31"), settings ?? County);

    private static string Shown(YearReport report, ItemKind kind) => string.Join(" / ", report.Levels[kind].Select(l =>
        $"{l.Level}: {l.Figures.Assigned} {l.Figures.Replied} {l.Figures.Assisting} {l.Figures.Returned} {l.Figures.Published} [{string.Join(",", l.Sessions)}]"));

    [Theory]
    //        sessions of the items, '|' between                               level: assigned replied assisting returned published [sessions]
    [InlineData("州十四届一次|州十四届一次|十八届二次|十八届二次|十八届二次|十八届二次", "州: 2 2 0 0 0 [州十四届一次] / 县: 4 4 0 0 0 [十八届二次]")]
    [InlineData("十八届二次|县十八届二次", "县: 2 2 0 0 0 [十八届二次,县十八届二次]")]            // written two ways: one level
    [InlineData("自治州十四届一次|州十四届一次|十八届二次", "州: 1 1 0 0 0 [州十四届一次] / 自治州: 1 1 0 0 0 [自治州十四届一次] / 县: 1 1 0 0 0 [十八届二次]")]
    [InlineData("省十三届一次|黑龙江十三届一次|十八届二次", "省: 1 1 0 0 0 [省十三届一次] / 县: 2 2 0 0 0 [十八届二次,黑龙江十三届一次]")] // unreadable: Reports:Level
    [InlineData("", "")]
    public void Levels_AreCountedApart_HigherFirst(string sessions, string expected)
    {
        var report = Build(sessions.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(s => Npc(s)));
        Assert.Equal(expected, Shown(report, ItemKind.Npc));
        Assert.Empty(report.Levels[ItemKind.Cppcc]);
    }

    [Fact]
    public void TheBureausOwnLevel_ComesFirstAmongItsTier()
    {
        var report = Build([Npc("区十九届一次"), Npc("十八届二次"), Npc("旗五届一次")]);
        Assert.Equal(["县", "区", "旗"], report.Levels[ItemKind.Npc].Select(l => l.Level));
    }

    [Fact]
    public void TheKindsFigures_AreTheLevelsTotals()
    {
        var report = Build(
        [
            Npc("州十四届一次"), Npc("州十四届一次", replied: null), Npc("州十四届一次", returned: true),
            Npc("十八届二次"), Npc("十八届二次", role: BureauRole.Assisting), Npc("十八届二次", published: "2019-07-01"),
            // Last year's item whose reply was published this year counts at its level too.
            Npc("州十四届一次", assigned: "2018-11-20", replied: "2019-01-10", published: "2019-02-01"),
        ]);
        Assert.Equal("州: 2 1 0 1 1 [州十四届一次] / 县: 2 2 1 0 1 [十八届二次]", Shown(report, ItemKind.Npc));
        var kind = report.Kinds[ItemKind.Npc];
        var levels = report.Levels[ItemKind.Npc].Select(l => l.Figures).ToList();
        Assert.Equal(
            (kind.Assigned, kind.Replied, kind.Assisting, kind.Returned, kind.Published, kind.OverdueOpen),
            (levels.Sum(f => f.Assigned), levels.Sum(f => f.Replied), levels.Sum(f => f.Assisting), levels.Sum(f => f.Returned), levels.Sum(f => f.Published), levels.Sum(f => f.OverdueOpen)));
    }

    [Fact]
    public void ACityBureau_CountsTheSeedsAtItsLevel()
    {
        var report = YearReport.Build(Seeds2018(), 2018, D("2018-12-31"));
        Assert.Equal("市", Assert.Single(report.Levels[ItemKind.Npc]).Level);
        Assert.Equal(6, report.Levels[ItemKind.Npc][0].Figures.Assigned);
        Assert.Equal(3, Assert.Single(report.Levels[ItemKind.Cppcc]).Figures.Assigned);
    }
}
