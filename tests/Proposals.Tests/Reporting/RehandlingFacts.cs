using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Domain.Ledger.Satisfaction;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// 重新办理: after a 不满意 evaluation the item is handled again, answered again and evaluated again.
/// satisfactionRate stays the first round's; finalSatisfactionRate counts the second evaluation where known.
/// </summary>
public sealed class RehandlingFacts
{
    private static Figures Npc(IEnumerable<Item> items, string asOf = "2019-12-31", RateSettings? settings = null) =>
        YearReport.Build(items, 2019, D(asOf), settings).Kinds[ItemKind.Npc];

    private static Item Evaluated(Satisfaction first, string? evaluated, string? rereplied, Satisfaction? second) =>
        Item(assigned: "2019-03-01", due: "2019-06-03", replied: "2019-05-20", satisfaction: first, evaluated: evaluated,
            rehandleDue: first == Dissatisfied && evaluated is not null ? "2019-07-10" : null, rereplied: rereplied, second: second);

    //  replied 05-20   evaluated 不满意 06-10   re-handling due 07-10   replied again 07-05   as-of
    //  |---------------|-----------------------|----------------------|---------------------|
    //
    //  expected: evaluated rehandled rereplied | final 满意 基本满意 不满意 | 满意率 最终满意率
    [Theory]
    [InlineData(Dissatisfied, "2019-06-10", "2019-07-05", Satisfied, "2019-12-31", "1 1 1 | 1 0 0 | 0% 100%", "satisfied the second time")]
    [InlineData(Dissatisfied, "2019-06-10", "2019-07-05", BasicallySatisfied, "2019-12-31", "1 1 1 | 0 1 0 | 0% 100%", "basically satisfied the second time")]
    [InlineData(Dissatisfied, "2019-06-10", "2019-07-05", Dissatisfied, "2019-12-31", "1 1 1 | 0 0 1 | 0% 0%", "dissatisfied again")]
    [InlineData(Dissatisfied, "2019-06-10", "2019-07-05", null, "2019-12-31", "1 1 1 | 0 0 1 | 0% 0%", "answered again, not yet evaluated: the first stands")]
    [InlineData(Dissatisfied, "2019-06-10", null, null, "2019-12-31", "1 1 0 | 0 0 1 | 0% 0%", "still being handled again")]
    [InlineData(Dissatisfied, "2019-06-10", "2019-07-05", Satisfied, "2019-07-04", "1 1 0 | 0 0 1 | 0% 0%", "as of the day before the second reply")]
    [InlineData(Dissatisfied, "2019-06-10", "2019-07-05", Satisfied, "2019-06-10", "1 1 0 | 0 0 1 | 0% 0%", "as of the evaluation day")]
    [InlineData(Dissatisfied, "2019-06-10", "2019-07-05", Satisfied, "2019-06-09", "0 0 0 | 0 0 0 | — —", "as of the day before the evaluation: not evaluated yet")]
    [InlineData(Dissatisfied, null, "2019-07-05", Satisfied, "2019-12-31", "1 1 1 | 1 0 0 | 0% 100%", "an undated evaluation is known with the reply")]
    [InlineData(Satisfied, "2019-06-10", null, null, "2019-06-09", "0 0 0 | 0 0 0 | — —", "a 满意 dated after the as-of date is not known yet")]
    [InlineData(Satisfied, "2019-06-10", null, null, "2019-06-10", "1 0 0 | 1 0 0 | 100% 100%", "a 满意 known on its day")]
    [InlineData(Satisfied, "2019-06-10", "2019-07-05", Dissatisfied, "2019-12-31", "1 0 0 | 1 0 0 | 100% 100%", "a second evaluation without a 不满意 first is not a round")]
    public void SecondEvaluation_CountsInTheFinalRateOnly(
        Satisfaction first, string? evaluated, string? rereplied, Satisfaction? second, string asOf, string expected, string why)
    {
        var f = Npc([Evaluated(first, evaluated, rereplied, second)], asOf);
        var got = $"{f.Evaluated} {f.Rehandled} {f.Rereplied} | {f.FinalSatisfied} {f.FinalBasicallySatisfied} {f.FinalDissatisfied} | " +
                  $"{Percent.Format(f.SatisfactionRate)} {Percent.Format(f.FinalSatisfactionRate)}";
        Assert.True(expected == got, $"{why}: expected {expected}, got {got}");
    }

    [Fact]
    public void FirstRoundRate_StaysWhatTheDeputiesFirstSaid()
    {
        var f = Npc(
        [
            Evaluated(Satisfied, "2019-06-10", null, null),
            Evaluated(BasicallySatisfied, "2019-06-10", null, null),
            Evaluated(Dissatisfied, "2019-06-10", "2019-07-05", Satisfied),
            Evaluated(Dissatisfied, "2019-06-10", null, null),
        ]);
        Assert.Equal((4, 2, 1), (f.Evaluated, f.Rehandled, f.Rereplied));
        Assert.Equal("50%", Percent.Format(f.SatisfactionRate));
        Assert.Equal("75%", Percent.Format(f.FinalSatisfactionRate));
    }

    [Theory]
    [InlineData(true, "100%")]
    [InlineData(false, "0%")]
    public void FinalRate_FollowsTheBasicallySatisfiedSetting(bool countBasically, string expected) =>
        Assert.Equal(expected, Percent.Format(Npc([Evaluated(Dissatisfied, "2019-06-10", "2019-07-05", BasicallySatisfied)], settings: new RateSettings(countBasically)).FinalSatisfactionRate));

    [Fact]
    public void RehandledItem_StaysRepliedOnTime_ByItsFirstReply()
    {
        // The reply rates are the first reply's; re-handling is reported beside them, not instead.
        var f = Npc([Evaluated(Dissatisfied, "2019-06-10", "2019-08-30", Satisfied)]);
        Assert.Equal((1, 1, 0), (f.Replied, f.RepliedOnTime, f.OverdueOpen));
    }
}
