using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Domain.Ledger.ItemKind;
using static Proposals.Domain.Ledger.ReplyClass;
using static Proposals.Domain.Ledger.Satisfaction;
using static Proposals.Tests.Reporting.FiguresText;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>A ledger of 30 items for 2019, as of 2019-12-31, with every figure counted by hand.</summary>
public sealed class YearLedgerFacts
{
    private const string Z = "综合处", Y = "银行处", S = "证券处";

    internal static IReadOnlyList<Item> Ledger2019() =>
    [
        // Suggestions (npc)
        Item(Npc, Z, "2019-03-01", "2019-06-03", "2019-05-20", replyClass: A, satisfaction: Satisfied),            // 1 on time
        Item(Npc, Z, "2019-03-01", "2019-06-03", "2019-06-03", replyClass: B, satisfaction: BasicallySatisfied),   // 2 on time (due day)
        Item(Npc, Z, "2019-03-01", "2019-06-03", "2019-06-10", replyClass: A, satisfaction: Satisfied),            // 3 late
        Item(Npc, Z, "2019-03-01", "2019-06-03", "2019-07-15", "2019-07-31", C, Dissatisfied),                     // 4 on time by extension
        Item(Npc, Z, "2019-03-01", "2019-06-03"),                                                                  // 5 open, overdue
        Item(Npc, Z, "2019-03-01", returned: true),                                                                // 6 returned
        Item(Npc, Y, "2019-03-05", "2019-06-05", "2019-05-01", replyClass: A),                                     // 7 on time, not evaluated
        Item(Npc, Y, "2019-03-05", "2019-06-05", "2019-06-01", replyClass: ReplyClass.D, satisfaction: Satisfied, key: true), // 8 key, on time
        Item(Npc, Y, "2019-03-05", "2019-06-05", "2020-01-10", replyClass: A, satisfaction: Satisfied),            // 9 replied after as-of: overdue
        Item(Npc, Y, "2019-03-05", "2019-06-05", extendedTo: "2020-03-01", key: true),                             // 10 key, open, extended
        Item(Npc, Y, "2019-03-05", key: true, returned: true),                                                     // 11 key but returned
        Item(Npc, S, "2019-09-01", "2019-12-02", "2019-11-30", replyClass: B, satisfaction: BasicallySatisfied),   // 12 on time
        Item(Npc, S, "2019-10-15", "2020-01-15"),                                                                  // 13 open, not yet due
        Item(Npc, S, "2019-12-20", "2020-03-20"),                                                                  // 14 open, not yet due
        Item(Npc, S, "2018-12-28", "2019-03-28", "2019-03-01", replyClass: A),                                     // 15 other year
        Item(Npc, S, "2020-01-05", "2020-04-07"),                                                                  // 16 other year
        Item(Npc, Z, "2019-06-10", "2019-09-10", "2019-09-09", replyClass: A, satisfaction: Satisfied),            // 17 on time
        Item(Npc, Z, "2019-06-10", "2019-09-10", "2019-09-20", replyClass: A, satisfaction: BasicallySatisfied),   // 18 late
        Item(Npc, Z, "2019-06-10", "2019-09-10", "2019-09-01", replyClass: B),                                     // 19 on time
        Item(Npc, Y, "2019-06-10", "2019-09-10", "2019-10-08", "2019-10-08", C, Satisfied),                        // 20 on the extended date
        // Proposals (cppcc)
        Item(Cppcc, Z, "2019-03-10", "2019-06-10", "2019-06-01", replyClass: A, satisfaction: Satisfied),          // 21 on time
        Item(Cppcc, Z, "2019-03-10", "2019-06-10", "2019-06-11", replyClass: A),                                   // 22 late
        Item(Cppcc, Y, "2019-03-10", "2019-06-10", "2019-05-30", replyClass: B, satisfaction: BasicallySatisfied, key: true), // 23
        Item(Cppcc, Y, "2019-03-10", returned: true),                                                              // 24 returned
        Item(Cppcc, Y, "2019-03-10", "2019-06-10"),                                                                // 25 open, overdue
        Item(Cppcc, S, "2019-04-01", "2019-07-01", "2019-06-20", replyClass: C, satisfaction: Dissatisfied),       // 26 on time
        Item(Cppcc, S, "2019-04-01", "2019-07-01", "2019-09-30", "2019-09-30", A, Satisfied),                      // 27 on the extended date
        Item(Cppcc, S, "2019-04-01", "2019-07-01", "2019-09-02", "2019-08-30", A, Satisfied),                      // 28 late even so
        Item(Cppcc, S, "2019-04-01", "2019-07-01", "2019-06-30", replyClass: ReplyClass.D, satisfaction: BasicallySatisfied), // 29 on time
        Item(Cppcc, Z, "2018-03-10", "2018-06-11", "2018-06-01", replyClass: A),                                   // 30 other year
    ];

    private static YearReport Report() => YearReport.Build(Ledger2019(), 2019, new DateOnly(2019, 12, 31));

    //                                   assigned replied onTime overdue | eval 满意 基本 不满意 | A B C D | returned extended key keyReplied
    [Theory]
    [InlineData("npc", "16 11 9 2 | 9 5 3 1 | 5 3 2 1 | 2 3 2 1", "68.75% 56.25% 88.89% 45.45%")]
    [InlineData("cppcc", "8 7 5 1 | 6 3 2 1 | 4 1 1 1 | 1 2 1 1", "87.5% 62.5% 83.33% 57.14%")]
    public void Kinds_MatchTheHandCount(string kind, string counts, string rates)
    {
        var f = Report().Kinds[ItemKinds.Parse(kind)!.Value];
        Assert.Equal(counts, Counts(f));
        Assert.Equal(rates, Rates(f));
    }

    [Fact]
    public void Total_IsBothKindsTogether()
    {
        var f = Report().Total;
        Assert.Equal("24 18 14 3 | 15 8 5 2 | 9 4 3 2 | 3 5 3 2", Counts(f));
        Assert.Equal("75% 58.33% 86.67% 50%", Rates(f));
    }

    [Fact]
    public void Divisions_MatchTheHandCount_InDivisionThenKindOrder()
    {
        var rows = Report().Divisions.Select(d => $"{d.Division} {d.Kind.Code()}: {Counts(d.Figures)}").ToList();
        Assert.Equal(
        [
            "综合处 npc: 8 7 5 1 | 6 3 2 1 | 4 2 1 0 | 1 1 0 0",
            "综合处 cppcc: 2 2 1 0 | 1 1 0 0 | 2 0 0 0 | 0 0 0 0",
            "证券处 npc: 3 1 1 0 | 1 0 1 0 | 0 1 0 0 | 0 0 0 0",
            "证券处 cppcc: 4 4 3 0 | 4 2 1 1 | 2 0 1 1 | 0 2 0 0",
            "银行处 npc: 5 3 3 1 | 2 2 0 0 | 1 0 1 1 | 1 2 2 1",
            "银行处 cppcc: 2 1 1 1 | 1 0 1 0 | 0 1 0 0 | 1 0 1 1",
        ], rows);
    }

    [Fact]
    public void KeyItems_ListsTheThreeKeyItemsNotReturned()
    {
        var keys = Report().KeyItems.Select(k => $"{k.Key.Kind.Code()} {k.LeadDivision} {k.Status.Code()} {k.RepliedOnTime}").ToList();
        Assert.Equal(["npc 银行处 evaluated True", "npc 银行处 extended False", "cppcc 银行处 evaluated True"], keys);
    }
}
