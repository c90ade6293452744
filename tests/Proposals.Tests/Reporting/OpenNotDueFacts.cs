using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// Which year: the items assigned in the year, as the as-of date knows them. An item neither answered nor
/// due by then is still within its time limit (openNotDue), never late.
/// </summary>
public sealed class OpenNotDueFacts
{
    //  assigned 2019-10-15 (late in the year), due 2020-01-15; the report for 2019 is written in January 2020.
    //
    //  Oct 15       Dec 31 (year end)      Jan 10 (replied)   Jan 15 (due)    Jan 31
    //  |------------|----------------------|------------------|---------------|
    //
    //  expected: assigned = replied + overdueOpen + openNotDue
    [Theory]
    [InlineData(null, "2020-01-15", null, "2019-12-31", "1 = 0 + 0 + 1", "not due at the year end")]
    [InlineData("2020-01-10", "2020-01-15", null, "2019-12-31", "1 = 0 + 0 + 1", "replied after the year end: not known on it")]
    [InlineData("2020-01-10", "2020-01-15", null, "2020-01-31", "1 = 1 + 0 + 0", "the January report knows the reply")]
    [InlineData(null, "2020-01-15", null, "2020-01-15", "1 = 0 + 0 + 1", "open on the due date itself")]
    [InlineData(null, "2020-01-15", null, "2020-01-31", "1 = 0 + 1 + 0", "open after the due date")]
    [InlineData(null, "2019-12-31", null, "2019-12-31", "1 = 0 + 0 + 1", "due on the as-of date")]
    [InlineData(null, "2019-12-30", null, "2019-12-31", "1 = 0 + 1 + 0", "due the day before the as-of date")]
    [InlineData(null, "2019-12-02", "2020-02-28", "2019-12-31", "1 = 0 + 0 + 1", "extended past the as-of date")]
    [InlineData(null, "2019-12-02", "2019-12-20", "2019-12-31", "1 = 0 + 1 + 0", "past even the extended date")]
    public void OpenItems_AreOverdueOrWithinTheirLimit_NeverBoth(string? replied, string due, string? extendedTo, string asOf, string expected, string why)
    {
        var f = YearReport.Build([Item(assigned: "2019-10-15", due: due, replied: replied, extendedTo: extendedTo)], 2019, D(asOf)).Kinds[ItemKind.Npc];
        var got = $"{f.Assigned} = {f.Replied} + {f.OverdueOpen} + {f.OpenNotDue}";
        Assert.True(expected == got, $"{why}: expected {expected}, got {got}");
    }

    [Fact]
    public void AssignedAfterTheAsOfDate_IsNotCountedAtAll()
    {
        var f = YearReport.Build([Item(assigned: "2019-10-15", due: "2020-01-15")], 2019, D("2019-10-14")).Total;
        Assert.Equal((0, 0), (f.Assigned, f.OpenNotDue));
    }
}
