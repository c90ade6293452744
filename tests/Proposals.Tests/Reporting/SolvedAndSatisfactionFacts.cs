using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Domain.Ledger.ReplyClass;
using static Proposals.Domain.Ledger.Satisfaction;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// 解决率 as reports give it: the items replied in the solved classes over the lead items (占承办总数), A alone or A
/// and B (解决或计划逐步解决); each class's share over the lead items; A类占已办复 as before; 基本满意率 apart.
/// </summary>
public sealed class SolvedAndSatisfactionFacts
{
    // Lead items assigned 2019-03-01, due 2019-06-03; one assisted and one returned, which count in no share.
    private static YearReport Build(string classes, string solved, string asOf = "2019-12-31", bool countBasically = true)
    {
        var items = classes.Split(' ').Select((c, i) => c == "-"
            ? Item(assigned: "2019-03-01", due: "2019-06-03", session: "十五届一次")
            : Item(assigned: "2019-03-01", due: "2019-06-03", replied: i % 2 == 0 ? "2019-05-20" : "2019-06-20",
                replyClass: ReplyClasses.Parse(c), session: "十五届一次"))
            .Append(Item(role: BureauRole.Assisting, replied: "2019-03-25", session: "十五届一次"))
            .Append(Item(returned: true, session: "十五届一次"));
        return YearReport.Build(items, 2019, D(asOf), new RateSettings(countBasically) { SolvedClasses = SolvedClasses.Parse(solved, out _)! });
    }

    private static string Shares(Figures f) =>
        string.Join(" ", Enum.GetValues<ReplyClass>().Select(c => Percent.Format(f.ClassShare(c))));

    //  classes of the lead items ('-' open)   solved  | solved solvedRate | shares A B C D | A类占已办复
    [Theory]
    [InlineData("A A A B B C D - - ", "A", "3 33.33% | 33.33% 22.22% 11.11% 11.11% | 42.86%")]
    [InlineData("A A A B B C D - -", "A,B", "5 55.56% | 33.33% 22.22% 11.11% 11.11% | 42.86%")]
    [InlineData("A A A A B B B C D", "A,B", "7 77.78% | 44.44% 33.33% 11.11% 11.11% | 44.44%")] // the seed year: 77.78% against 44.44%
    [InlineData("A A A A B B B C D", "A", "4 44.44% | 44.44% 33.33% 11.11% 11.11% | 44.44%")]
    [InlineData("C D", "A", "0 0% | 0% 0% 50% 50% | 0%")]
    [InlineData("- -", "A,B", "0 0% | 0% 0% 0% 0% | —")]
    [InlineData("A B C D", "B,C,D", "3 75% | 25% 25% 25% 25% | 25%")]
    public void SolvedRate_IsOverTheLeadItems_AsEachSettingCountsIt(string classes, string solved, string expected)
    {
        var f = Build(classes.Trim(), solved).Kinds[ItemKind.Npc];
        Assert.Equal(expected, $"{f.Solved} {Percent.Format(f.SolvedRate)} | {Shares(f)} | {Percent.Format(f.ClassARate)}");
    }

    [Fact]
    public void NothingAssigned_HasNoRates_NotZero()
    {
        var f = YearReport.Build([Item(role: BureauRole.Assisting, replied: "2019-03-25")], 2019, D("2019-12-31")).Kinds[ItemKind.Npc];
        Assert.Null(f.SolvedRate);
        Assert.All(Enum.GetValues<ReplyClass>(), c => Assert.Null(f.ClassShare(c)));
        Assert.Null(f.BasicallySatisfiedRate);
        Assert.Null(f.FinalBasicallySatisfiedRate);
    }

    //  evaluations, first→second where re-handled    count 基本满意?  | 满意率 基本满意率 | 最终满意率 最终基本满意率
    [Theory]
    [InlineData("满意 满意 满意 满意 满意 满意 满意 满意 满意 基本满意", true, "100% 10% | 100% 10%")]
    [InlineData("满意 满意 满意 满意 满意 满意 满意 满意 满意 基本满意", false, "90% 10% | 90% 10%")]   // 满意率为90%，基本满意率为10%
    [InlineData("满意 基本满意 不满意→基本满意", true, "66.67% 33.33% | 100% 66.67%")]
    [InlineData("满意 基本满意 不满意→基本满意", false, "33.33% 33.33% | 33.33% 66.67%")]
    [InlineData("不满意→满意 不满意", false, "0% 0% | 50% 0%")]
    public void BasicallySatisfiedRate_IsGivenApart_WhateverTheSetting(string evaluations, bool countBasically, string expected)
    {
        var items = evaluations.Split(' ').Select(e =>
        {
            var (first, second) = e.Split('→') is [var a, var b] ? (a, b) : (e, (string?)null);
            return Item(due: "2019-06-03", replied: "2019-05-20", evaluated: "2019-06-10", satisfaction: Satisfactions.Parse(first),
                rereplied: second is null ? null : "2019-07-05", second: second is null ? null : Satisfactions.Parse(second));
        });
        var f = YearReport.Build(items, 2019, D("2019-12-31"), new RateSettings(countBasically)).Kinds[ItemKind.Npc];
        Assert.Equal(expected,
            $"{Percent.Format(f.SatisfactionRate)} {Percent.Format(f.BasicallySatisfiedRate)} | {Percent.Format(f.FinalSatisfactionRate)} {Percent.Format(f.FinalBasicallySatisfiedRate)}");
    }

    //  replied   published      as-of         publishedOfYear  why
    [Theory]
    [InlineData("2019-05-20", "2019-07-01", "2019-12-31", 1, "published in the year")]
    [InlineData("2019-05-20", "2020-01-10", "2020-01-20", 1, "published before a report written in January")]
    [InlineData("2019-05-20", "2020-01-10", "2019-12-31", 0, "published after the as-of date")]
    [InlineData("2019-05-20", null, "2019-12-31", 0, "not published")]
    [InlineData(null, null, "2019-12-31", 0, "not replied")]
    public void PublishedOfYear_CountsTheYearsRepliesPublished(string? replied, string? published, string asOf, int expected, string why)
    {
        var f = YearReport.Build([Item(due: "2019-06-03", replied: replied, published: published)], 2019, D(asOf)).Kinds[ItemKind.Npc];
        Assert.True(expected == f.PublishedOfYear, $"{why}: expected {expected}, got {f.PublishedOfYear}");
    }
}
