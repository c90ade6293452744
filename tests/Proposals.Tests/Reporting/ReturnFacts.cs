using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// 退回: an item that is not the bureau's business is returned and counts for nobody; a return asked after
/// its last day (ReturnBy) is still recorded, but flagged as late (returnedLate).
/// </summary>
public sealed class ReturnFacts
{
    //  assigned Fri 2019-03-01; 7 working days to ask for a return: last day Tue 2019-03-12.
    //
    //  Mar 1      Mar 12 (return by)   Mar 13        Apr 30    May 6
    //  |----------|--------------------|-------------|---------|
    //
    //  expected: assigned returned returnedLate
    [Theory]
    [InlineData("2019-03-08", "2019-03-12", "2019-12-31", "0 1 0", "asked in time")]
    [InlineData("2019-03-12", "2019-03-12", "2019-12-31", "0 1 0", "asked on the last day")]
    [InlineData("2019-03-13", "2019-03-12", "2019-12-31", "0 1 1", "asked a day late: returned, flagged")]
    [InlineData("2019-05-06", "2019-03-12", "2019-12-31", "0 1 1", "asked two months late")]
    [InlineData("2019-05-06", "2019-03-12", "2019-04-30", "1 0 0", "asked after the as-of date: still the bureau's item then")]
    [InlineData(null, "2019-03-12", "2019-12-31", "0 1 0", "an undated return cannot be late")]
    [InlineData("2019-03-13", null, "2019-12-31", "0 1 0", "no last day computed: not flagged")]
    public void LateReturn_IsReturnedAndFlagged(string? returnedOn, string? returnBy, string asOf, string expected, string why)
    {
        var f = YearReport.Build([Item(assigned: "2019-03-01", due: "2019-06-03", returned: true, returnedOn: returnedOn, returnBy: returnBy)], 2019, D(asOf)).Kinds[ItemKind.Npc];
        var got = $"{f.Assigned} {f.Returned} {f.ReturnedLate}";
        Assert.True(expected == got, $"{why}: expected {expected}, got {got}");
    }

    [Fact]
    public void LateReturns_AddUpPerDivisionAndInAll()
    {
        var report = YearReport.Build(
        [
            Item(division: "综合处", returned: true, returnedOn: "2019-03-20", returnBy: "2019-03-12"),
            Item(division: "银行处", returned: true, returnedOn: "2019-03-20", returnBy: "2019-03-12", kind: ItemKind.Cppcc),
            Item(division: "银行处", returned: true, returnedOn: "2019-03-05", returnBy: "2019-03-12", kind: ItemKind.Cppcc),
        ], 2019, D("2019-12-31"));
        Assert.Equal((3, 2), (report.Total.Returned, report.Total.ReturnedLate));
        Assert.Equal(["综合处 npc 1/1", "银行处 cppcc 2/1"], report.Divisions.Select(d => $"{d.Division} {d.Kind.Code()} {d.Figures.Returned}/{d.Figures.ReturnedLate}"));
    }
}
