using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Tests.Reporting.FiguresText;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

public sealed class FiguresFacts
{
    private static readonly DateOnly YearEnd2019 = new(2019, 12, 31);

    private static Figures Npc(IEnumerable<Item> items, DateOnly? asOf = null, RateSettings? settings = null) =>
        YearReport.Build(items, 2019, asOf ?? YearEnd2019, settings).Kinds[ItemKind.Npc];

    //   assigned 03-01        due 06-03 (ext)          as-of
    //   |---------------------|---------------------|---------|
    [Theory]
    [InlineData("2019-05-20", "2019-06-03", null, "2019-12-31", "1 1 1 0", "replied before the due date")]
    [InlineData("2019-06-03", "2019-06-03", null, "2019-12-31", "1 1 1 0", "replied on the due date")]
    [InlineData("2019-06-04", "2019-06-03", null, "2019-12-31", "1 1 0 0", "replied a day late")]
    [InlineData("2019-07-15", "2019-06-03", "2019-07-31", "2019-12-31", "1 1 1 0", "late reply made on time by an extension")]
    [InlineData("2019-07-31", "2019-06-03", "2019-07-31", "2019-12-31", "1 1 1 0", "replied on the extended date")]
    [InlineData("2019-08-01", "2019-06-03", "2019-07-31", "2019-12-31", "1 1 0 0", "late even for the extended date")]
    [InlineData("2020-01-10", "2019-06-03", null, "2019-12-31", "1 0 0 1", "reply after the as-of date: open and overdue")]
    [InlineData("2019-05-20", "2019-06-03", null, "2019-05-19", "1 0 0 0", "reply after the as-of date, not yet due")]
    [InlineData(null, "2019-06-03", null, "2019-06-03", "1 0 0 0", "open on the due date itself is not overdue")]
    [InlineData(null, "2019-06-03", null, "2019-06-04", "1 0 0 1", "open the day after the due date")]
    [InlineData(null, "2019-06-03", "2020-03-01", "2019-12-31", "1 0 0 0", "open, extended past the as-of date")]
    public void Counts_ReplyTiming(string? replied, string due, string? extendedTo, string asOf, string expected, string why)
    {
        var f = Npc([Item(assigned: "2019-03-01", due: due, replied: replied, extendedTo: extendedTo)], D(asOf));
        Assert.True(expected == Counts(f)[..7], $"{why}: expected {expected}, got {Counts(f)}");
    }

    [Fact]
    public void Build_GivesZerosAndNoRates_WhenThereAreNoItems()
    {
        var report = YearReport.Build([], 2019, YearEnd2019);
        foreach (var f in new[] { report.Kinds[ItemKind.Npc], report.Kinds[ItemKind.Cppcc], report.Total })
        {
            Assert.Equal("0 0 0 0 | 0 0 0 0 | 0 0 0 0 | 0 0 0 0", Counts(f));
            Assert.Equal("— — — —", Rates(f));
            Assert.Null(f.ReplyRate);
        }
        Assert.Empty(report.Divisions);
        Assert.Empty(report.KeyItems);
    }

    [Fact]
    public void Build_GivesZeroOnTimeRate_WhenAllRepliesAreLate()
    {
        var f = Npc(
        [
            Item(due: "2019-06-03", replied: "2019-06-04", replyClass: ReplyClass.A, satisfaction: Satisfaction.Satisfied),
            Item(due: "2019-06-03", replied: "2019-07-01", replyClass: ReplyClass.B, satisfaction: Satisfaction.Dissatisfied),
            Item(due: "2019-06-03", replied: "2019-12-31", replyClass: ReplyClass.A),
        ]);
        Assert.Equal("3 3 0 0 | 2 1 0 1 | 2 1 0 0 | 0 0 0 0", Counts(f));
        Assert.Equal("100% 0% 50% 66.67%", Rates(f));
    }

    [Fact]
    public void Build_ShowsReturnedItems_ButCountsThemNowhereElse()
    {
        var f = Npc(
        [
            Item(returned: true, replied: "2019-03-05", replyClass: ReplyClass.A, satisfaction: Satisfaction.Satisfied, key: true, extendedTo: "2019-09-01"),
            Item(returned: true),
            Item(due: "2019-06-03", replied: "2019-05-01", replyClass: ReplyClass.A),
        ]);
        Assert.Equal("1 1 1 0 | 0 0 0 0 | 1 0 0 0 | 2 0 0 0", Counts(f));
        Assert.Equal("100% 100% — 100%", Rates(f));
    }

    [Fact]
    public void Build_GivesNoRates_WhenAllItemsAreReturned()
    {
        var f = Npc([Item(returned: true), Item(returned: true)]);
        Assert.Equal("0 0 0 0 | 0 0 0 0 | 0 0 0 0 | 2 0 0 0", Counts(f));
        Assert.Equal("— — — —", Rates(f));
    }

    [Theory]
    [InlineData(true, "75%")]
    [InlineData(false, "50%")]
    public void SatisfactionRate_CountsBasicallySatisfied_OnlyWhenTheSettingSaysSo(bool countBasically, string expected)
    {
        var f = Npc(
        [
            Item(replied: "2019-04-01", satisfaction: Satisfaction.Satisfied),
            Item(replied: "2019-04-01", satisfaction: Satisfaction.Satisfied),
            Item(replied: "2019-04-01", satisfaction: Satisfaction.BasicallySatisfied),
            Item(replied: "2019-04-01", satisfaction: Satisfaction.Dissatisfied),
            Item(replied: "2019-04-01"),
        ], settings: new RateSettings(countBasically));
        Assert.Equal(4, f.Evaluated);
        Assert.Equal(expected, Percent.Format(f.SatisfactionRate));
    }

    [Fact]
    public void Evaluated_LeavesOutAnEvaluationOfAReplyAfterTheAsOfDate()
    {
        var f = Npc([Item(due: "2019-07-31", replied: "2019-07-01", satisfaction: Satisfaction.Satisfied, replyClass: ReplyClass.A)], D("2019-06-30"));
        Assert.Equal("1 0 0 0 | 0 0 0 0 | 0 0 0 0 | 0 0 0 0", Counts(f));
        Assert.Equal("0% 0% — —", Rates(f));
    }

    [Fact]
    public void Build_IgnoresItemsOfOtherYears_AndItemsAssignedAfterTheAsOfDate()
    {
        var report = YearReport.Build(
        [
            Item(assigned: "2018-12-31", replied: "2019-02-01"),
            Item(assigned: "2020-01-01"),
            Item(assigned: "2019-08-01"),
            Item(assigned: "2019-01-01", replied: "2019-03-01"),
        ], 2019, D("2019-07-31"));
        Assert.Equal("1 1 1 0 | 0 0 0 0 | 0 0 0 0 | 0 0 0 0", Counts(report.Total));
    }

    [Fact]
    public void Build_CountsKeyItems_AndListsTheirState()
    {
        var report = YearReport.Build(
        [
            Item(number: "0002", key: true, due: "2019-06-03", replied: "2019-06-10"),
            Item(number: "0001", key: true, due: "2019-06-03"),
            Item(number: "0003", key: true, returned: true),
        ], 2019, YearEnd2019);
        Assert.Equal(2, report.Total.KeyItems);
        Assert.Equal(1, report.Total.KeyReplied);
        Assert.Collection(report.KeyItems,
            k => Assert.Equal(("0001", ItemStatus.Assigned, false), (k.Key.Number, k.Status, k.RepliedOnTime)),
            k => Assert.Equal(("0002", ItemStatus.Replied, false), (k.Key.Number, k.Status, k.RepliedOnTime)));
    }

    [Fact]
    public void Builder_Throws_WhenTheAsOfDateIsBeforeTheYear()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => YearReport.Build([], 2019, D("2018-12-31")));
        Assert.Contains("2018-12-31", e.Message);
    }

    [Theory]
    [InlineData(2018, "2019-11-26", "2018-12-31")]
    [InlineData(2019, "2019-11-26", "2019-11-26")]
    [InlineData(2019, "2020-01-01", "2019-12-31")]
    public void DefaultAsOf_IsTheYearEnd_OrTodayForTheCurrentYear(int year, string today, string expected) =>
        Assert.Equal(D(expected), YearReport.DefaultAsOf(year, D(today)));

    [Fact]
    public void DefaultAsOf_Throws_ForAYearNotBegun() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => YearReport.DefaultAsOf(2020, D("2019-12-31")));
}
