using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Reminders;

namespace Proposals.Tests.Calendar;

/// <summary>
/// The working calendar in a year without a loaded schedule: estimated from the regulation from
/// 2025 (2027 here, unpublished on 2026-12-02), weekends only before; a loaded schedule wins.
/// </summary>
public sealed class EstimatedYearFacts
{
    private static readonly WorkingCalendar China = new(ShippedCalendar.Load());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2017, YearKnowledge.WeekendsOnly)]
    [InlineData(2018, YearKnowledge.Published)]
    [InlineData(2026, YearKnowledge.Published)]
    [InlineData(2027, YearKnowledge.Estimated)]
    [InlineData(2100, YearKnowledge.Estimated)]
    [InlineData(2101, YearKnowledge.WeekendsOnly)]
    public void KnowledgeOf_SaysWhereTheDaysOffComeFrom(int year, YearKnowledge expected)
    {
        Assert.Equal(expected, China.KnowledgeOf(year));
    }

    //  New Year and Spring Festival 2027, as estimated:
    //
    //   Thu Dec 31 | Fri Jan 1  Sat Jan 2  Sun Jan 3 | Mon Jan 4
    //   work       | 元旦       weekend    weekend   | work
    //
    //   Thu Feb 4 | Fri Feb 5  Sat 6  Sun 7  Mon 8  Tue 9  Wed 10 | Thu Feb 11
    //   work      | 除夕       初一   初二   初三   补假   补假    | work
    [Theory]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-04", true)]
    [InlineData("2027-02-04", true)]
    [InlineData("2027-02-05", false)]
    [InlineData("2027-02-08", false)]
    [InlineData("2027-02-10", false)]
    [InlineData("2027-02-11", true)]
    [InlineData("2027-02-20", false)] // a Saturday the notice may declare worked: unknown, so a weekend day
    [InlineData("2027-04-05", false)]
    [InlineData("2027-05-04", false)]
    [InlineData("2027-05-05", true)]
    [InlineData("2027-06-09", false)]
    [InlineData("2027-09-15", false)]
    [InlineData("2027-10-05", false)]
    [InlineData("2027-10-06", true)]
    public void IsWorkingDay_CountsTheEstimate_In2027(string date, bool working)
    {
        Assert.Equal(working, China.IsWorkingDay(D(date)));
    }

    [Fact]
    public void NewYearsDayAndNewYearsEve2027_AreDaysOff_InEveryCount()
    {
        Assert.Equal(D("2027-01-04"), China.OnOrAfter(D("2027-01-01")));
        Assert.Equal(D("2027-02-04"), China.OnOrBefore(D("2027-02-05")));
        Assert.Equal(D("2027-01-04"), China.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(D("2027-02-11"), China.AddWorkingDays(D("2027-02-04"), 1));
        Assert.Equal(1, China.WorkingDaysBetween(D("2026-12-31"), D("2027-01-04")));
        Assert.Equal(1, China.WorkingDaysBetween(D("2027-02-04"), D("2027-02-11")));
        Assert.Equal(new ScheduledDay(DayKind.Holiday, "元旦"), China.Describe(D("2027-01-01")));
        Assert.Equal(new ScheduledDay(DayKind.Holiday, "春节"), China.Describe(D("2027-02-05")));
    }

    [Theory]
    [InlineData("2026-12-01", 1, "2027-01-04")] // Jan 1 元旦, then the weekend
    [InlineData("2026-11-05", 3, "2027-02-11")] // Feb 5 除夕 .. Feb 10 补假
    [InlineData("2026-11-06", 3, "2027-02-11")] // Sat Feb 6 初一
    [InlineData("2026-12-31", 2, "2027-03-01")] // Feb 28 (clamped from Feb 31) is a Sunday
    [InlineData("2027-01-05", 3, "2027-04-06")] // Apr 5 清明
    [InlineData("2027-02-01", 3, "2027-05-05")] // May 1 .. May 4 劳动节 with 补假; May 5 is a Wednesday
    [InlineData("2027-07-01", 3, "2027-10-06")] // Oct 1 .. Oct 5 国庆节 with 补假
    public void AfterMonths_MovesPastEstimatedHolidays(string assigned, int months, string due)
    {
        Assert.Equal(D(due), DueDate.AfterMonths(China, D(assigned), months));
    }

    [Theory]
    [InlineData("2026-12-31", 1, "2027-01-04")]
    [InlineData("2027-02-04", 5, "2027-02-17")] // Feb 11, 12, 15, 16, 17
    [InlineData("2027-09-30", 1, "2027-10-06")]
    [InlineData("2027-09-30", 20, "2027-11-02")] // an information request over National Day: Oct 6 is the first
    public void AfterWorkingDays_SkipsEstimatedHolidays(string from, int days, string due)
    {
        Assert.Equal(D(due), DueDate.AfterWorkingDays(China, D(from), days));
    }

    [Fact]
    public void ALoadedSchedule_ReplacesTheEstimateCompletely()
    {
        // A 2027 notice that (unlike the regulation) gave no day off in February, as a stand-in for any notice.
        var days = new Dictionary<DateOnly, ScheduledDay>
        {
            [D("2027-09-26")] = new(DayKind.WorkingWeekend, "国庆节"),
        };
        for (var d = D("2027-10-01"); d <= D("2027-10-07"); d = d.AddDays(1)) days[d] = new(DayKind.Holiday, "国庆节");
        var calendar = new WorkingCalendar(ShippedCalendar.Load().Append(new YearSchedule(2027, days, "2027.json")));

        Assert.Equal(YearKnowledge.Published, calendar.KnowledgeOf(2027));
        Assert.True(calendar.IsWorkingDay(D("2027-02-05")));
        Assert.True(calendar.IsWorkingDay(D("2027-05-03")));
        Assert.True(calendar.IsWorkingDay(D("2027-09-26")));
        Assert.False(calendar.IsWorkingDay(D("2027-10-07")));
        Assert.Null(calendar.Describe(D("2027-02-05")));
        Assert.Empty(CalendarWarnings.MissingYears(calendar, D("2027-01-01"), D("2027-12-31")));
    }

    [Fact]
    public void DaysAnotherYearsFileListsAheadOfIt_WinOverTheEstimate()
    {
        // A 2028 notice putting Sun 2027-12-26 to work for 元旦 (as the 2019 notice did with 2018-12-29).
        var days = new Dictionary<DateOnly, ScheduledDay>
        {
            [D("2027-12-26")] = new(DayKind.WorkingWeekend, "元旦"),
            [D("2028-01-01")] = new(DayKind.Holiday, "元旦"),
        };
        var calendar = new WorkingCalendar([new YearSchedule(2028, days, "2028.json")]);

        Assert.Equal(YearKnowledge.Estimated, calendar.KnowledgeOf(2027));
        Assert.True(calendar.IsWorkingDay(D("2027-12-26")));
        Assert.False(calendar.IsWorkingDay(D("2027-10-01")));
    }

    [Theory]
    [InlineData("2024-10-01", true)]  // a Tuesday: before 2025 nothing is estimated
    [InlineData("2024-02-09", true)]  // 除夕 2024, not yet a statutory day then
    [InlineData("2024-10-05", false)] // a Saturday
    [InlineData("2025-10-01", false)] // estimated
    [InlineData("2025-06-02", false)] // estimated 补假 for Sat May 31 端午
    public void AnEmptyCalendar_EstimatesFrom2025_AndCountsWeekendsOnlyBefore(string date, bool working)
    {
        var calendar = new WorkingCalendar([]);
        Assert.Equal(working, calendar.IsWorkingDay(D(date)));
        Assert.Equal(D(date).Year < 2025 ? YearKnowledge.WeekendsOnly : YearKnowledge.Estimated, calendar.KnowledgeOf(D(date).Year));
    }

    [Fact]
    public void CandidateHorizon_CoversTheLongestEstimatedRun()
    {
        // Six days off in a row is the most the regulation gives: 2027-02-05 .. 02-10.
        var calendar = new WorkingCalendar([]);
        var horizon = ReminderPlan.CandidateHorizon(ReminderPolicy.Default, calendar);
        Assert.Equal(15 + 6, horizon);

        var tightest = int.MaxValue;
        for (var due = D("2027-01-15"); due <= D("2028-12-31"); due = due.AddDays(1))
        {
            var first = ReminderPlan.Stages(due, DateOnly.MinValue, DateOnly.MaxValue, calendar, ReminderPolicy.Default).First();
            var reach = due.DayNumber - first.PlannedOn.DayNumber;
            Assert.True(reach <= horizon, $"due {due}: first stage {first.Code} on {first.PlannedOn} is {reach} days ahead, horizon {horizon}");
            tightest = Math.Min(tightest, horizon - reach);
        }
        Assert.Equal(0, tightest);
    }
}
