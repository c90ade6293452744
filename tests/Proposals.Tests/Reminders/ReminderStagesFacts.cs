using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

public class ReminderStagesFacts
{
    private static string Plan(string dueOn, string from, string through, ReminderPolicy? policy = null) =>
        string.Join(" ", ReminderPlan.Stages(D(dueOn), D(from), D(through), China2019And2020, policy ?? ReminderPolicy.Default)
            .Select(s => $"{s.Code}@{s.PlannedOn:MM-dd}"));

    //  due 2019-10-08 (Tue), National Day Oct 1-7 off, Sun Sep 29 and Sat Oct 12 working:
    //
    //   Sep 23     Sep 29   Sep 30      Oct 1 ......... Oct 7   Oct 8   Oct 9    Oct 12  Oct 15
    //   Mon        Sun(w)   Mon         holiday week            Tue     Wed      Sat(w)  Tue
    //   before-15           before-7 <- Oct 1                   due     overdue-1        overdue-2
    //                       before-3 <- Oct 5
    //                       before-1 <- Oct 7   => one day, before-1 kept
    //
    //  overdue-2 is five working days after Oct 9: Oct 10, 11, 12 (Sat, worked), 14, 15.
    [Theory]
    [InlineData("2019-10-08", "2019-10-24", "before-15@09-23 before-1@09-30 due@10-08 overdue-1@10-09 overdue-2@10-15 overdue-3@10-22")]
    // Extended Spring Festival 2020 (Jan 24 - Feb 2 off, Sun Jan 19 worked): before-15 falls on the
    // working Sunday; before-7, before-3 and before-1 all move back to Thu Jan 23.
    [InlineData("2020-02-03", "2020-02-18", "before-15@01-19 before-1@01-23 due@02-03 overdue-1@02-04 overdue-2@02-11 overdue-3@02-18")]
    // Labour Day 2020 (May 1-5 off, Sat May 9 worked): before-7 and before-3 meet on Apr 30;
    // overdue-1 lands on the working Saturday.
    [InlineData("2020-05-08", "2020-05-22", "before-15@04-23 before-3@04-30 before-1@05-07 due@05-08 overdue-1@05-09 overdue-2@05-15 overdue-3@05-22")]
    // Mid-Autumn 2019 (Sep 13-15 off): before-7 moves from Fri Sep 13 to Thu Sep 12; overdue-2
    // counts Sep 24-27 and the working Sunday Sep 29; overdue-3 skips the National Day week.
    [InlineData("2019-09-20", "2019-10-11", "before-15@09-05 before-7@09-12 before-3@09-17 before-1@09-19 due@09-20 overdue-1@09-23 overdue-2@09-29 overdue-3@10-11")]
    // An ordinary month: only before-3 moves (Sat Dec 7 -> Fri Dec 6).
    [InlineData("2019-12-10", "2019-12-25", "before-15@11-25 before-7@12-03 before-3@12-06 before-1@12-09 due@12-10 overdue-1@12-11 overdue-2@12-18 overdue-3@12-25")]
    public void Stages_FollowTheRealCalendar(string dueOn, string through, string expected) =>
        Assert.Equal(expected, Plan(dueOn, "2019-01-01", through));

    [Fact]
    public void Stages_KeepTheDueStage_WhenBeforeOneMovesOntoIt()
    {
        // due typed as Sun 2019-12-01: "due" moves back to Fri Nov 29 and before-1 (Sat Nov 30)
        // with it; "due" is the one closer to the due date, so before-1 goes.
        var plan = Plan("2019-12-01", "2019-11-01", "2019-11-30");
        Assert.Equal("before-15@11-15 before-7@11-22 before-3@11-28 due@11-29", plan);
    }

    [Fact]
    public void Stages_CountDaysLeftInCalendarDays()
    {
        // before-1 moved back to Sep 30 leaves 8 days, not 1: mails say the days, not the code.
        var stages = ReminderPlan.Stages(D("2019-10-08"), D("2019-01-01"), D("2019-10-15"), China2019And2020, ReminderPolicy.Default);
        Assert.Equal("before-15:15 before-1:8 due:0 overdue-1:-1 overdue-2:-7",
            string.Join(" ", stages.Select(s => $"{s.Code}:{s.DaysLeft}")));
        Assert.Equal([false, false, false, true, true], stages.Select(s => s.IsOverdue));
    }

    //  Assigned Thu 2019-09-26, due 2019-10-08: before-15 (Sep 23) lies before the item existed.
    //
    //   Sep 23      Sep 26     Sep 30     Oct 8
    //   before-15   assigned   before-1   due
    //   (not owed)  |--------- window ---------->
    [Theory]
    [InlineData("2019-09-26", "2019-10-08", "before-1@09-30 due@10-08")]
    [InlineData("2019-09-30", "2019-10-08", "before-1@09-30 due@10-08")] // a stage on the assignment day is owed
    [InlineData("2019-10-01", "2019-10-08", "due@10-08")]
    [InlineData("2019-09-01", "2019-09-29", "before-15@09-23")]           // through the working Sunday
    [InlineData("2019-09-24", "2019-09-29", "")]
    public void Stages_KeepOnlyTheWindow(string from, string through, string expected) =>
        Assert.Equal(expected, Plan("2019-10-08", from, through));

    [Fact]
    public void Stages_KeepTheirCodes_WhateverTheWindow()
    {
        // before-1 is the survivor of the Sep 30 pile-up even when the window starts on Sep 30.
        Assert.Equal("before-1@09-30", Plan("2019-10-08", "2019-09-30", "2019-09-30"));
    }

    [Theory]
    [InlineData(2, "before-15@09-23 before-1@09-30 due@10-08 overdue-1@10-09 overdue-2@10-15")]
    [InlineData(0, "before-15@09-23 before-1@09-30 due@10-08")]
    public void Stages_StopAtTheOverdueCap(int maxOverdue, string expected) =>
        Assert.Equal(expected, Plan("2019-10-08", "2019-01-01", "2020-12-31", new ReminderPolicy(maxOverdueStages: maxOverdue)));

    [Fact]
    public void Stages_FollowACustomPolicy()
    {
        var policy = new ReminderPolicy([5, 10], overdueEveryWorkingDays: 10, remindOnDueDate: false);
        // before-10 Sep 28 (Sat) -> Sep 27; before-5 Oct 3 -> Sep 30; overdue every 10 working days.
        Assert.Equal("before-10@09-27 before-5@09-30 overdue-1@10-09 overdue-2@10-22",
            Plan("2019-10-08", "2019-01-01", "2019-10-31", policy));
    }
}
