using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Tests.Reporting.FiguresText;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// 协办: when the city names another lead unit, the bureau owes it written input by the due date and
/// writes no reply; its items are counted apart (assisting, assistingDelivered), never in the reply rates.
/// </summary>
public sealed class AssistingFacts
{
    private static Figures Npc(IEnumerable<Item> items, string asOf = "2019-12-31") =>
        YearReport.Build(items, 2019, D(asOf)).Kinds[ItemKind.Npc];

    //  assigned 03-01        input due 04-01                          as-of
    //  |---------------------|------------------------------------------|
    //  RepliedOn of an assisting item: the day its input reached the city's lead unit.
    [Theory]
    [InlineData(null, "2019-12-31", "0 0 0 0 | 1 0", "input not sent")]
    [InlineData("2019-03-20", "2019-12-31", "0 0 0 0 | 1 1", "input sent before its due date")]
    [InlineData("2019-04-01", "2019-12-31", "0 0 0 0 | 1 1", "input sent on its due date")]
    [InlineData("2019-05-20", "2019-12-31", "0 0 0 0 | 1 1", "input sent late: delivered all the same")]
    [InlineData("2019-03-20", "2019-03-19", "0 0 0 0 | 1 0", "input sent after the as-of date")]
    [InlineData(null, "2019-06-30", "0 0 0 0 | 1 0", "input owed and overdue: still not a late reply")]
    public void AssistingItem_IsCountedApart(string? delivered, string asOf, string expected, string why)
    {
        var f = Npc([Item(assigned: "2019-03-01", due: "2019-04-01", replied: delivered, role: BureauRole.Assisting)], asOf);
        var got = $"{f.Assigned} {f.Replied} {f.OverdueOpen} {f.OpenNotDue} | {f.Assisting} {f.AssistingDelivered}";
        Assert.True(expected == got, $"{why}: expected {expected}, got {got}");
        Assert.Null(f.ReplyRate);
    }

    [Fact]
    public void AssistingItems_NeverEnterTheReplyRates()
    {
        // Two items led, one replied late; two assisted, whatever was recorded against them.
        var f = Npc(
        [
            Item(due: "2019-06-03", replied: "2019-05-20", replyClass: ReplyClass.A, satisfaction: Satisfaction.Satisfied),
            Item(due: "2019-06-03", replied: "2019-06-10", replyClass: ReplyClass.B),
            Item(due: "2019-04-01", replied: "2019-03-25", replyClass: ReplyClass.A, satisfaction: Satisfaction.Dissatisfied, role: BureauRole.Assisting, key: true, extendedTo: "2019-05-01"),
            Item(due: "2019-04-01", role: BureauRole.Assisting),
        ]);
        Assert.Equal("2 2 1 0 | 1 1 0 0 | 1 1 0 0 | 0 0 0 0", Counts(f));
        Assert.Equal("0 | 2 1 | 0 0 1 0 0 | 0 0", Added(f));
        Assert.Equal("100% 50% 100% 50%", Rates(f));
    }

    [Fact]
    public void ReturnedAssistingItem_CountsAsReturnedOnly()
    {
        var f = Npc([Item(role: BureauRole.Assisting, returned: true, replied: "2019-03-20")]);
        Assert.Equal((0, 0, 1), (f.Assigned, f.Assisting, f.Returned));
    }

    [Fact]
    public void Divisions_CarryTheirAssistingItems()
    {
        var report = YearReport.Build(
        [
            Item(division: "银行处", role: BureauRole.Assisting, replied: "2019-03-20"),
            Item(division: "银行处", role: BureauRole.Assisting),
            Item(division: "综合处", replied: "2019-04-01"),
        ], 2019, D("2019-12-31"));
        Assert.Equal(
            ["综合处 1 0 0", "银行处 0 2 1"],
            report.Divisions.Select(d => $"{d.Division} {d.Figures.Assigned} {d.Figures.Assisting} {d.Figures.AssistingDelivered}"));
        Assert.Equal((1, 2, 1), (report.Total.Assigned, report.Total.Assisting, report.Total.AssistingDelivered));
    }

    [Fact]
    public void KeyItemList_LeavesOutItemsTheBureauOnlyAssists()
    {
        var report = YearReport.Build([Item(number: "0001", key: true), Item(number: "0002", key: true, role: BureauRole.Assisting)], 2019, D("2019-12-31"));
        Assert.Equal(["0001"], report.KeyItems.Select(k => k.Key.Number));
        Assert.Equal(1, report.Total.KeyItems);
    }
}
