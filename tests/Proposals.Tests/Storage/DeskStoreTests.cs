using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Storage;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Storage;

/// <summary>
/// The desk's counts and lists, computed by the database, agree with the domain's own rules
/// (Item.StatusOn, the report's figures, Item.IsOverdue) on a ledger with every case.
/// </summary>
public abstract class DeskStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly DateOnly Today = D("2019-10-15");

    // Every case of 2019, as of Tue 2019-10-15, plus a 2018 item still overdue and one of 2020 not yet assigned.
    private static readonly Item[] Ledger =
    [
        Make("01", "2019-03-20", "2019-06-20", replied: "2019-06-10", satisfaction: Satisfaction.Satisfied, replyClass: ReplyClass.A),
        Make("02", "2019-03-20", "2019-06-20", replied: "2019-06-25", satisfaction: Satisfaction.BasicallySatisfied, replyClass: ReplyClass.B),
        Make("03", "2019-03-20", "2019-06-20", replied: "2019-06-18", replyClass: ReplyClass.C),
        Make("04", "2019-07-01", "2019-10-08", co: ["综合处"]),
        Make("05", "2019-07-01", "2019-10-08", extendedTo: "2019-12-31", lead: "金融服务处"),
        Make("06", "2019-09-02", "2019-12-02", lead: "金融服务处", co: ["综合处", "银行保险处"]) with { AcknowledgedOn = D("2019-09-03") },
        Make("07", "2019-07-01", "2019-10-08", returned: true) with { ReturnedOn = D("2019-07-05") },
        Make("08", "2019-07-01", "2019-10-08", returned: true) with { ReturnedOn = D("2019-10-20") },
        Make("09", "2019-03-20", "2019-06-20", replied: "2019-06-01", satisfaction: Satisfaction.Dissatisfied, replyClass: ReplyClass.C) with
        {
            EvaluatedOn = D("2019-07-01"), RehandleDueOn = D("2019-08-01"), RerepliedOn = D("2019-07-30"), SecondSatisfaction = Satisfaction.Satisfied,
        },
        Make("10", "2019-03-20", "2019-06-20", replied: "2019-06-01", satisfaction: Satisfaction.Dissatisfied, replyClass: ReplyClass.C) with
        {
            EvaluatedOn = D("2019-09-01"), RehandleDueOn = D("2019-10-08"),
        },
        Make("11", "2019-07-01", "2019-08-01", kind: ItemKind.Cppcc, session: "十四届二次") with { BureauRole = BureauRole.Assisting },
        Make("12", "2019-07-01", "2019-10-08", kind: ItemKind.Cppcc, session: "十四届二次", lead: "综合处", key: true, replied: "2019-10-16"),
        Make("13", "2019-10-10", "2020-01-10", kind: ItemKind.Cppcc, session: "十四届二次", lead: "综合处") with { AcknowledgedOn = D("2019-10-16") },
        Make("14", "2019-03-20", "2019-06-20", replied: "2019-06-01", satisfaction: Satisfaction.Satisfied, replyClass: ReplyClass.A) with { EvaluatedOn = D("2019-11-01") },
        Make("15", "2018-07-02", "2018-10-08", session: "十五届一次"),
        Make("16", "2019-10-11", "2019-10-21", lead: "综合处"),
        Make("17", "2019-12-01", "2020-03-02"),
    ];

    private async Task<DeskStore> DeskAsync()
    {
        await new DivisionStore(Database).UpsertAsync(Divisions);
        await new ItemStore(Database).UpsertAsync(Ledger);
        return new DeskStore(Database);
    }

    [SkippableFact]
    public async Task StatusCounts_AreItemStatusOn()
    {
        var desk = await DeskAsync();

        var counts = await desk.StatusCountsAsync(new DeskFilter(Today, 2019));

        var expected = Ledger.Where(i => i.AssignedOn.Year == 2019)
            .GroupBy(i => (i.Key.Kind, Status: i.StatusOn(Today).Code())).Select(g => $"{g.Key.Kind.Code()} {g.Key.Status} {g.Count()}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, counts.Select(c => $"{c.Kind.Code()} {c.Status} {c.Count}").Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task DivisionCounts_AreTheReportsFigures()
    {
        var desk = await DeskAsync();

        var counts = await desk.DivisionCountsAsync(new DeskFilter(Today, 2019));

        var report = YearReport.Build(Ledger, 2019, Today);
        static string Describe(string division, ItemKind kind, long assigned, long replied, long onTime, long overdue, long evaluated, long satisfied, long basically, long returned) =>
            $"{division} {kind.Code()}: assigned {assigned}, replied {replied}, on time {onTime}, overdue {overdue}, evaluated {evaluated}, satisfied {satisfied}+{basically}, returned {returned}";
        Assert.Equal(
            report.Divisions.Select(d => Describe(d.Division, d.Kind, d.Figures.Assigned, d.Figures.Replied, d.Figures.RepliedOnTime, d.Figures.OverdueOpen,
                d.Figures.Evaluated, d.Figures.Satisfied, d.Figures.BasicallySatisfied, d.Figures.Returned)),
            counts.Select(c => Describe(c.Division, c.Kind, c.Assigned, c.Replied, c.RepliedOnTime, c.OverdueOpen, c.Evaluated, c.Satisfied, c.BasicallySatisfied, c.Returned)));
    }

    [SkippableFact]
    public async Task TheOverdueList_IsItemIsOverdue_MostOverdueFirst_InPages()
    {
        var desk = await DeskAsync();

        var first = await desk.DueAsync(new DeskFilter(Today), null, Today.AddDays(-1), 0, 2);
        var second = await desk.DueAsync(new DeskFilter(Today), null, Today.AddDays(-1), 2, 2);

        var expected = Ledger.Where(i => i.IsOverdue(Today))
            .OrderBy(i => i.LeadDueOn(i.RoundOn(Today))).ThenBy(i => i.Key.Kind.Code(), StringComparer.Ordinal)
            .ThenBy(i => i.Key.Session, StringComparer.Ordinal).ThenBy(i => i.Key.Number, StringComparer.Ordinal)
            .Select(i => i.Key.Number).ToList();
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected, first.Items.Concat(second.Items).Select(i => i.Item.Key.Number).Concat(expected.Skip(4)));
        Assert.Equal(["15", "11", "12", "04", "10"], expected);
    }

    [SkippableFact]
    public async Task TheDueSoonList_HoldsTheOpenItemsDueInTheNextDays()
    {
        var desk = await DeskAsync();

        var soon = await desk.DueAsync(new DeskFilter(Today), Today, Today.AddDays(7), 0, 50);

        Assert.Equal(["16"], soon.Items.Select(i => i.Item.Key.Number));
    }

    [SkippableFact]
    public async Task TheDivisionFilter_TakesItsItemsAsLeadOrCoDivision_WholeNamesOnly()
    {
        var desk = await DeskAsync();
        await new DivisionStore(Database).UpsertAsync([new Division("保险处", "baoxian@finance.example.org", null)]);

        var zonghe = await desk.DueAsync(new DeskFilter(Today, Division: "综合处"), null, D("2099-12-31"), 0, 50);
        var partial = await desk.DueAsync(new DeskFilter(Today, Division: "保险处"), null, D("2099-12-31"), 0, 50);

        Assert.Equal(["12", "04", "16", "06", "13"], zonghe.Items.Select(i => i.Item.Key.Number));
        Assert.Empty(partial.Items);
    }
}
