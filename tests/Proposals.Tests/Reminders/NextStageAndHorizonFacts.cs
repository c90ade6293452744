using Proposals.Domain.Calendar;
using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

public class NextStageAndHorizonFacts
{
    [Theory]
    [InlineData("2019-07-01", "before-15@09-23")]
    [InlineData("2019-09-23", "before-1@09-30")]   // after today, not on it
    [InlineData("2019-09-24", "before-1@09-30")]
    [InlineData("2019-10-05", "due@10-08")]
    [InlineData("2019-10-09", "overdue-2@10-15")]
    public void NextStage_IsTheFirstStageAfterToday(string today, string expected)
    {
        var next = ReminderPlan.NextStage(Item(), ReminderRole.Lead, "财金处", D(today), China2019And2020, ReminderPolicy.Default);
        Assert.Equal(expected, next is { } s ? $"{s.Code}@{s.PlannedOn:MM-dd}" : "-");
    }

    [Fact]
    public void NextStage_UsesTheCoDivisionsInputDate() =>
        Assert.Equal(D("2019-07-17"),
            ReminderPlan.NextStage(Item(coDivisions: "法规处"), ReminderRole.CoDivision, "法规处", D("2019-07-01"), China2019And2020, ReminderPolicy.Default)?.PlannedOn);

    [Fact]
    public void NextStage_IsNull_WhenRepliedReturnedOrCapped()
    {
        var calendar = China2019And2020;
        Assert.Null(ReminderPlan.NextStage(Item() with { RepliedOn = D("2019-09-01") }, ReminderRole.Lead, "财金处", D("2019-09-02"), calendar, ReminderPolicy.Default));
        Assert.Null(ReminderPlan.NextStage(Item() with { ReturnDecision = Proposals.Domain.Ledger.ReturnDecision.Approved }, ReminderRole.Lead, "财金处", D("2019-09-02"), calendar, ReminderPolicy.Default));
        Assert.Null(ReminderPlan.NextStage(Item(), ReminderRole.Lead, "财金处", D("2019-10-08"), calendar, new ReminderPolicy(maxOverdueStages: 0)));
    }

    [Fact]
    public void CandidateHorizon_AddsTheLongestRunOfDaysOff()
    {
        // 2020-01-24 .. 2020-02-02: the extended Spring Festival, 10 days off in a row.
        Assert.Equal(15 + 10, ReminderPlan.CandidateHorizon(ReminderPolicy.Default, China2019And2020));
        // An empty calendar still estimates the years from 2025: 6 days is the longest run of days off they give.
        Assert.Equal(15 + 6, ReminderPlan.CandidateHorizon(ReminderPolicy.Default, new WorkingCalendar([])));
        Assert.Equal(0 + 10, ReminderPlan.CandidateHorizon(new ReminderPolicy([]), China2019And2020));
    }

    [Fact]
    public void CandidateHorizon_CoversEveryDueDateOf2019And2020()
    {
        // A due date later than today + horizon owes nothing today: its first stage is later than today.
        var horizon = ReminderPlan.CandidateHorizon(ReminderPolicy.Default, China2019And2020);
        var tightest = int.MaxValue;
        for (var due = D("2019-01-15"); due <= D("2020-12-31"); due = due.AddDays(1))
        {
            var first = ReminderPlan.Stages(due, DateOnly.MinValue, DateOnly.MaxValue, China2019And2020, ReminderPolicy.Default).First();
            var reach = due.DayNumber - first.PlannedOn.DayNumber;
            Assert.True(reach <= horizon, $"due {due}: first stage {first.Code} on {first.PlannedOn} is {reach} days ahead, horizon {horizon}");
            tightest = Math.Min(tightest, horizon - reach);
        }
        Assert.Equal(0, tightest); // and the bound is reached, so it is no larger than it must be
    }
}
