using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

public class ReminderOwedFacts
{
    private static OwedReminder? Lead(Item item, string today, string recorded = "", ReminderPolicy? policy = null) =>
        ReminderPlan.Owed(item, ReminderRole.Lead, item.LeadDivision, D(today), China2019And2020,
            policy ?? ReminderPolicy.Default, Recorded(item.LeadDivision, ReminderPlan.DueOnFor(item, ReminderRole.Lead, D(today)), recorded));

    /// <summary>The record holding <paramref name="recorded"/> (stage codes) for one division and due date, each one that reached it.</summary>
    internal static ReminderHistory Recorded(string division, DateOnly dueOn, string recorded, HandlingRound round = HandlingRound.First) =>
        new(recorded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => new RecordedNotice(division, round, dueOn, ReminderStage.Parse(code), Reached: true)));

    private static string Describe(OwedReminder? owed) =>
        owed is null ? "-" : $"{owed.Stage.Code}@{owed.Stage.PlannedOn:MM-dd} +{owed.Skipped}";

    //  Lead division, assigned 2019-07-01, due 2019-10-08; stages:
    //
    //   Sep 23     Sep 30    Oct 1-7 off   Oct 8   Oct 9      Oct 12    Oct 15
    //   before-15  before-1                due     overdue-1  Sat(w)    overdue-2
    //
    //  A sweep sends the latest stage planned on or before its day, if not yet settled by a recorded
    //  one; older unrecorded stages are skipped (+N counts them), never sent.
    [Theory]
    [InlineData("2019-09-20", "", "-")]                                    // nothing planned yet
    [InlineData("2019-09-23", "", "before-15@09-23 +0")]
    [InlineData("2019-09-24", "", "before-15@09-23 +0")]                   // yesterday's sweep failed: still owed
    [InlineData("2019-09-24", "before-15", "-")]                           // already sent
    [InlineData("2019-09-29", "before-15", "-")]                           // working Sunday, nothing new
    [InlineData("2019-09-30", "before-15", "before-1@09-30 +0")]
    [InlineData("2019-10-03", "", "-")]                                    // holiday: a sweep sends nothing
    [InlineData("2019-10-08", "before-15 before-1", "due@10-08 +0")]
    [InlineData("2019-10-08", "", "due@10-08 +2")]       // late import on the due date
    [InlineData("2019-10-08", "before-15", "due@10-08 +1")]        // worker stopped over the holiday
    [InlineData("2019-10-09", "before-15 before-1 due", "overdue-1@10-09 +0")]
    [InlineData("2019-10-12", "before-15 before-1 due overdue-1", "-")]    // working Saturday, nothing new
    [InlineData("2019-10-15", "before-15 before-1 due overdue-1", "overdue-2@10-15 +0")]
    [InlineData("2019-10-09", "before-15 due", "overdue-1@10-09 +0")]       // a recorded stage settles those before it
    [InlineData("2019-10-22", "overdue-1", "overdue-3@10-22 +1")] // only the stages after the last recorded one
    [InlineData("2019-10-08", "before-15 before-1 due overdue-1", "-")]    // a newer stage recorded: nothing older goes
    public void Owed_SendsOnlyTheLatestStage(string today, string recorded, string expected) =>
        Assert.Equal(expected, Describe(Lead(Item(), today, recorded)));

    //  Labour Day 2020, due Fri 2020-05-08: overdue-1 is planned on Sat May 9, a working day;
    //  Sat May 16 is an ordinary Saturday.
    [Theory]
    [InlineData("2020-05-09", "overdue-1@05-09 +0")]
    [InlineData("2020-05-16", "-")]
    [InlineData("2020-05-18", "overdue-2@05-15 +0")]
    public void Owed_SendsOnWorkingSaturdays_Only(string today, string expected)
    {
        var item = Item(assignedOn: "2020-02-07", dueOn: "2020-05-08", coInputDueOn: "2020-03-09");
        var recorded = today == "2020-05-09" ? "before-15 before-3 before-1 due" : "before-15 before-3 before-1 due overdue-1";
        Assert.Equal(expected, Describe(Lead(item, today, recorded)));
    }

    [Theory]
    [InlineData("2019-09-25", "2019-09-30")]  // replied before before-1
    [InlineData("2019-10-09", "2019-10-09")]  // replied the day overdue-1 is planned
    [InlineData("2019-10-01", "2019-10-22")]
    public void Owed_IsNothing_OnceReplied(string repliedOn, string today) =>
        Assert.Null(Lead(Item() with { RepliedOn = D(repliedOn) }, today));

    [Fact]
    public void Owed_StillRuns_WhenTheReplyIsDatedAfterTheSweep() =>
        Assert.Equal("overdue-1@10-09 +3",
            Describe(Lead(Item() with { RepliedOn = D("2019-10-10") }, "2019-10-09")));

    [Fact]
    public void Owed_IsNothing_ForAReturnedItem() =>
        Assert.Null(Lead(Item() with { ReturnDecision = ReturnDecision.Approved }, "2019-10-09"));

    //  Extended from 2019-10-08 to Tue 2019-12-31: the old date's stages are no longer planned,
    //  the new date's have new keys (the due date is part of the key).
    //
    //   Oct 8 (old due)   ...   Dec 16      Dec 24    Dec 27      Dec 30    Dec 31
    //   no more overdue         before-15   before-7  before-3    before-1  due
    //                                                 (Sat 28 ->)
    [Theory]
    [InlineData("2019-10-09", "-")]
    [InlineData("2019-12-13", "-")]
    [InlineData("2019-12-16", "before-15@12-16 +0")]
    [InlineData("2019-12-27", "before-3@12-27 +2")]
    [InlineData("2020-01-02", "overdue-1@01-02 +5")]
    public void Owed_ReplansFromTheExtendedDate(string today, string expected)
    {
        var item = Item() with { Extension = new Extension(D("2019-12-31"), "涉及多部门协调") };
        var owed = Lead(item, today);
        Assert.Equal(expected, Describe(owed));
        if (owed is not null) Assert.Equal(D("2019-12-31"), owed.DueOn);
    }

    //  Assigned Thu 2019-09-26 with a due date 12 days away: before-15 (Sep 23) was planned before
    //  the bureau had the item, so it is neither sent nor counted as skipped.
    [Theory]
    [InlineData("2019-09-26", "-")]
    [InlineData("2019-09-30", "before-1@09-30 +0")]
    [InlineData("2019-10-08", "due@10-08 +1")]
    public void Owed_IgnoresStagesBeforeAssignment(string today, string expected) =>
        Assert.Equal(expected, Describe(Lead(Item(assignedOn: "2019-09-26"), today)));

    [Theory]
    [InlineData("2019-09-30", 8, false)]
    [InlineData("2019-10-08", 0, false)]
    [InlineData("2019-10-09", -1, true)]
    [InlineData("2019-10-17", -9, true)]  // overdue-2 (Oct 15) sent late: days left counts from today
    public void Owed_CopiesHeadAndCoordinator_OnceOverdue(string today, int daysLeft, bool copies)
    {
        var owed = Lead(Item(), today)!;
        Assert.Equal(daysLeft, owed.DaysLeft);
        Assert.Equal(copies, owed.Copies.HasFlag(ReminderCopies.Head));
        Assert.Equal(copies, owed.Copies.HasFlag(ReminderCopies.Coordinator));
        Assert.Equal(copies, owed.Supervision);
        Assert.Equal(ReminderRole.Lead, owed.Role);
        Assert.Equal("财金处", owed.Division);
    }

    [Theory]
    [InlineData(2, "2019-10-22", "before-15 before-1 due overdue-1 overdue-2", "-")]
    [InlineData(2, "2019-10-22", "before-15 before-1 due overdue-1", "overdue-2@10-15 +0")]
    [InlineData(0, "2019-10-09", "before-15 before-1 due", "-")]
    public void Owed_StopsAtTheOverdueCap(int maxOverdue, string today, string recorded, string expected) =>
        Assert.Equal(expected, Describe(Lead(Item(), today, recorded, new ReminderPolicy(maxOverdueStages: maxOverdue))));

    [Fact]
    public void Owed_Throws_WhenTheDivisionDoesNotHandleTheItem()
    {
        var item = Item(coDivisions: "法规处");
        var lead = Assert.Throws<ArgumentException>(() =>
            ReminderPlan.Owed(item, ReminderRole.Lead, "法规处", D("2019-10-09"), China2019And2020, ReminderPolicy.Default));
        Assert.Contains("not the lead division", lead.Message);
        var co = Assert.Throws<ArgumentException>(() =>
            ReminderPlan.Owed(item, ReminderRole.CoDivision, "财金处", D("2019-10-09"), China2019And2020, ReminderPolicy.Default));
        Assert.Contains("not a co-division", co.Message);
    }

    [Fact]
    public void Owed_AllocatesNothing_WhenNothingNewIsOwed()
    {
        var item = Item(coDivisions: "法规处");
        var recorded = Recorded("财金处", item.EffectiveDueOn, "before-15 before-1 due overdue-1");
        var today = D("2019-10-14");
        Owed();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) Assert.Null(Owed());
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        OwedReminder? Owed() => ReminderPlan.Owed(item, ReminderRole.Lead, "财金处", today,
            China2019And2020, ReminderPolicy.Default, recorded);
    }
}
