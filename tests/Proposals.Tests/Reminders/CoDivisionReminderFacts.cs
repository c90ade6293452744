using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

public class CoDivisionReminderFacts
{
    private const string AllOverdueToSep29 =
        "before-15 before-7 before-3 before-1 due overdue-1 overdue-2 overdue-3 overdue-4 overdue-5 overdue-6 overdue-7 overdue-8 overdue-9";

    private static OwedReminder? Co(string today, string recorded = "") =>
        ReminderPlan.Owed(Item(coDivisions: ["法规处", "地方金融处"]), ReminderRole.CoDivision, "法规处", D(today),
            China2019And2020, ReminderPolicy.Default, ReminderOwedFacts.Recorded("法规处", D("2019-08-01"), recorded));

    //  Co-division input due Thu 2019-08-01, the lead's reply due Tue 2019-10-08:
    //
    //   Jul 17 .. Jul 31   Aug 1   Aug 2      Aug 9 ... Sep 16     Sep 29 (Sun, w)  Oct 8      Oct 11
    //   before-15..1       due     overdue-1  every 5   (Sep 13    overdue-9        lead due   overdue-10
    //                                                   off)                                   copy coordinator
    //
    //  The coordinator is copied only once the lead's own due date has passed.
    [Theory]
    [InlineData("2019-07-17", "before-15", false, false)]
    [InlineData("2019-08-01", "due", false, false)]
    [InlineData("2019-08-02", "overdue-1", false, false)]  // a co-division's 督办 never copies its head: the lead chases its co-divisions
    [InlineData("2019-09-16", "overdue-7", false, false)]
    [InlineData("2019-09-29", "overdue-9", false, false)]
    [InlineData("2019-10-08", "overdue-9", false, false)]  // the lead's due date itself: not yet passed
    [InlineData("2019-10-11", "overdue-10", false, true)]
    public void Owed_CopiesTheCoordinator_OnlyAfterTheLeadsDueDate(string today, string code, bool copyHead, bool copyCoordinator)
    {
        var owed = Co(today)!;
        Assert.Equal(code, owed.Stage.Code);
        Assert.Equal(D("2019-08-01"), owed.DueOn);
        Assert.Equal(ReminderRole.CoDivision, owed.Role);
        Assert.Equal(copyHead, owed.Copies.HasFlag(ReminderCopies.Head));
        Assert.Equal(copyCoordinator, owed.Copies.HasFlag(ReminderCopies.Coordinator));
    }

    [Theory]
    [InlineData("2019-10-09", AllOverdueToSep29, null)]          // overdue-9 already sent on Sep 29
    [InlineData("2019-10-11", AllOverdueToSep29, "overdue-10")]
    public void Owed_FollowsTheCoDivisionsRecord(string today, string recorded, string? expected) =>
        Assert.Equal(expected, Co(today, recorded)?.Stage.Code);

    [Fact]
    public void OwedFor_RemindsTheLeadAndEachCoDivision_AgainstTheirOwnDates()
    {
        var item = Item(coDivisions: ["法规处", "地方金融处"]);
        var recorded = new ReminderHistory(
            [new RecordedNotice("财金处", HandlingRound.First, D("2019-10-08"), ReminderStage.Due, true),
             new RecordedNotice("法规处", HandlingRound.First, D("2019-08-01"), ReminderStage.Overdue(9), true)]);

        var owed = ReminderPlan.OwedFor(item, D("2019-10-11"), China2019And2020, ReminderPolicy.Default, recorded);

        Assert.Equal(
            ["财金处 overdue-1 2019-10-08 copy:Head, Coordinator skipped:0",
             "法规处 overdue-10 2019-08-01 copy:Coordinator skipped:0",
             "地方金融处 overdue-10 2019-08-01 copy:Coordinator skipped:14"],
            owed.Select(o => $"{o.Division} {o.Stage.Code} {o.DueOn:yyyy-MM-dd} copy:{o.Copies} skipped:{o.Skipped}"));
    }

    [Fact]
    public void OwedFor_IsEmpty_OnADayOff() =>
        Assert.Empty(ReminderPlan.OwedFor(Item(coDivisions: ["法规处"]), D("2019-10-05"), China2019And2020, ReminderPolicy.Default));
}
