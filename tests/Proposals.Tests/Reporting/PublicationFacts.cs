using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// 答复公开: the report counts the replies published in its year, on or before the as-of date, as disclosure
/// reports do ("主动公开人大政协建议提案22件"), whatever year the item was assigned in.
/// </summary>
public sealed class PublicationFacts
{
    //  2018-11-20 assigned   2018-12-28   2019-02-10   2019-07-01        2019-12-31   2020-01-10
    //  (last year's item)    published?   published?   published?        year end     published?
    [Theory]
    [InlineData("2019-03-01", "2019-07-01", "2019-12-31", 1, "published in the year")]
    [InlineData("2019-03-01", "2019-07-01", "2019-06-30", 0, "published after the as-of date")]
    [InlineData("2019-03-01", "2020-01-10", "2019-12-31", 0, "published after the year end")]
    [InlineData("2019-03-01", "2020-01-10", "2020-01-31", 0, "published next year: next year's figure")]
    [InlineData("2018-11-20", "2019-02-10", "2019-12-31", 1, "last year's item published this year")]
    [InlineData("2018-11-20", "2018-12-28", "2019-12-31", 0, "last year's item published last year")]
    [InlineData("2019-03-01", null, "2019-12-31", 0, "not published")]
    public void Published_CountsRepliesPublishedInTheYear(string assigned, string? published, string asOf, int expected, string why)
    {
        var f = YearReport.Build([Item(assigned: assigned, replied: assigned, published: published)], 2019, D(asOf)).Kinds[ItemKind.Npc];
        Assert.True(expected == f.Published, $"{why}: expected {expected}, got {f.Published}");
    }

    [Fact]
    public void LastYearsItem_CountsOnlyAsPublished()
    {
        var report = YearReport.Build([Item(assigned: "2018-11-20", due: "2019-02-20", replied: "2019-01-15", published: "2019-02-10", division: "银行处")], 2019, D("2019-12-31"));
        Assert.Equal("0 0 0 0 | 0 0 0 0 | 0 0 0 0 | 0 0 0 0", FiguresText.Counts(report.Total));
        Assert.Equal(1, report.Total.Published);
        Assert.Equal(["银行处 0/1"], report.Divisions.Select(d => $"{d.Division} {d.Figures.Assigned}/{d.Figures.Published}"));
        Assert.Empty(report.Sessions[ItemKind.Npc]);
    }

    [Fact]
    public void ReturnedAndAssistingItems_HaveNoPublishedReply()
    {
        var f = YearReport.Build(
        [
            Item(returned: true, published: "2019-07-01"),
            Item(role: BureauRole.Assisting, replied: "2019-03-20", published: "2019-07-01"),
            Item(assigned: "2018-11-20", returned: true, published: "2019-07-01"),
        ], 2019, D("2019-12-31")).Total;
        Assert.Equal(0, f.Published);
    }
}
