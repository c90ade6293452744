using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;

namespace Proposals.Tests.Calendar;

/// <summary>The shipped schedules 2018-2026 against the State Council notices (国务院办公厅节假日安排通知).</summary>
public sealed class ShippedCalendarFacts
{
    private static readonly WorkingCalendar China = new(ShippedCalendar.Load());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Years_AreThoseFrom2018To2026()
    {
        Assert.Equal(Enumerable.Range(2018, 9), ShippedCalendar.Years);
        Assert.Equal(ShippedCalendar.Years, ShippedCalendar.Load().Select(s => s.Year));
    }

    [Fact]
    public void Load_ReturnsTheCachedSchedules()
    {
        Assert.Same(ShippedCalendar.Load(), ShippedCalendar.Load());
    }

    [Fact]
    public void EverySchedule_NamesTheStateCouncilNotice()
    {
        foreach (var schedule in ShippedCalendar.Load())
        {
            Assert.Contains($"国务院办公厅关于{schedule.Year}年部分节假日安排的通知", schedule.Source);
        }
        Assert.Contains("国办发明电〔2018〕15号", ShippedCalendar.Load().Single(s => s.Year == 2019).Source);
        Assert.Contains("国务院办公厅关于延长2020年春节假期的通知", ShippedCalendar.Load().Single(s => s.Year == 2020).Source);
    }

    [Theory]
    [InlineData("2018-01-01", "元旦")]
    [InlineData("2018-02-16", "春节")]
    [InlineData("2018-12-31", "元旦")] // listed by the 2019 notice
    [InlineData("2019-05-02", "劳动节")] // the 2019 May Day holiday as extended in March 2019
    [InlineData("2019-10-01", "国庆节")]
    [InlineData("2019-10-07", "国庆节")]
    [InlineData("2020-01-31", "春节")] // Spring Festival extended to Feb 2 because of COVID-19
    [InlineData("2020-10-08", "国庆节、中秋节")]
    [InlineData("2021-02-11", "春节")]
    [InlineData("2021-09-20", "中秋节")]
    [InlineData("2022-10-03", "国庆节")]
    [InlineData("2022-06-03", "端午节")]
    [InlineData("2023-01-23", "春节")]
    [InlineData("2023-09-29", "中秋节、国庆节")]
    [InlineData("2024-02-12", "春节")]
    [InlineData("2024-04-04", "清明节")]
    [InlineData("2025-01-28", "春节")] // 除夕 became a statutory holiday in 2025
    [InlineData("2025-10-08", "国庆节、中秋节")]
    [InlineData("2026-01-02", "元旦")]
    [InlineData("2026-02-23", "春节")]
    public void IsWorkingDay_IsFalse_OnHoliday(string date, string holiday)
    {
        Assert.False(China.IsWorkingDay(D(date)));
        Assert.Equal(new ScheduledDay(DayKind.Holiday, holiday), China.Describe(D(date)));
    }

    [Theory]
    [InlineData("2018-02-11", "春节")]
    [InlineData("2018-09-29", "国庆节")]
    [InlineData("2018-12-29", "元旦")] // Saturday, declared by the 2019 notice
    [InlineData("2019-09-29", "国庆节")]
    [InlineData("2019-10-12", "国庆节")]
    [InlineData("2019-05-05", "劳动节")]
    [InlineData("2020-01-19", "春节")]
    [InlineData("2020-10-10", "国庆节、中秋节")]
    [InlineData("2021-02-20", "春节")]
    [InlineData("2021-10-09", "国庆节")]
    [InlineData("2022-10-08", "国庆节")]
    [InlineData("2022-10-09", "国庆节")]
    [InlineData("2023-01-28", "春节")]
    [InlineData("2023-10-07", "中秋节、国庆节")]
    [InlineData("2024-02-18", "春节")]
    [InlineData("2024-10-12", "国庆节")]
    [InlineData("2025-01-26", "春节")]
    [InlineData("2025-02-08", "春节")]
    [InlineData("2026-01-04", "元旦")]
    [InlineData("2026-02-28", "春节")]
    public void IsWorkingDay_IsTrue_OnDeclaredWorkingWeekendDay(string date, string holiday)
    {
        Assert.True(China.IsWorkingDay(D(date)));
        Assert.Equal(new ScheduledDay(DayKind.WorkingWeekend, holiday), China.Describe(D(date)));
    }

    [Theory]
    [InlineData("2020-02-01", false)] // to be worked for Spring Festival until the extension made it a day off
    [InlineData("2019-04-28", true)] // Sunday declared worked by the March 2019 May Day adjustment
    [InlineData("2019-05-03", false)] // a day off added by that adjustment
    public void IsWorkingDay_FollowsTheLaterNotice_WhereANoticeWasChanged(string date, bool working)
    {
        Assert.Equal(working, China.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2019-07-01", 3, "2019-10-08")] // 2019-10-01 National Day -> first working day after Oct 1-7
    [InlineData("2019-11-30", 3, "2020-03-02")] // Feb 30 -> Feb 29 (leap, Saturday) -> Monday
    [InlineData("2020-01-31", 1, "2020-03-02")] // Feb 29 2020 is a Saturday
    [InlineData("2019-12-31", 1, "2020-02-03")] // Jan 31 2020 inside the extended Spring Festival
    [InlineData("2017-11-16", 3, "2018-02-22")] // 2018 Spring Festival Feb 15-21
    [InlineData("2020-07-01", 3, "2020-10-09")] // 2020 National Day and Mid-Autumn Oct 1-8
    [InlineData("2020-11-11", 3, "2021-02-18")] // 2021 Spring Festival Feb 11-17
    [InlineData("2021-11-03", 3, "2022-02-07")] // 2022 Spring Festival Jan 31-Feb 6
    [InlineData("2023-06-29", 3, "2023-10-07")] // ends on Saturday Oct 7, a declared working day
    [InlineData("2023-11-10", 3, "2024-02-18")] // 2024 Spring Festival Feb 10-17; Sunday Feb 18 worked
    [InlineData("2025-07-01", 3, "2025-10-09")] // 2025 National Day and Mid-Autumn Oct 1-8
    [InlineData("2025-11-16", 3, "2026-02-24")] // 2026 Spring Festival Feb 15-23
    [InlineData("2019-06-30", 3, "2019-09-30")] // a working day stays as it is
    public void AfterMonths_MovesToNextWorkingDay_WhenLastDayIsNotWorked(string assigned, int months, string due)
    {
        Assert.Equal(D(due), DueDate.AfterMonths(China, D(assigned), months));
    }

    [Theory]
    [InlineData("2018-02-14", 1, "2018-02-22")] // Spring Festival Feb 15-21
    [InlineData("2019-09-30", 20, "2019-11-01")] // an information request over National Day
    [InlineData("2020-01-23", 5, "2020-02-07")] // the extended Spring Festival
    [InlineData("2021-09-30", 1, "2021-10-08")]
    [InlineData("2022-04-29", 1, "2022-05-05")] // May Day Apr 30-May 4
    [InlineData("2023-01-20", 7, "2023-02-03")] // Jan 28 and 29 worked
    [InlineData("2024-02-08", 2, "2024-02-18")] // Sunday Feb 18 worked
    [InlineData("2025-01-27", 1, "2025-02-05")] // Spring Festival Jan 28-Feb 4
    [InlineData("2026-09-30", 1, "2026-10-08")] // National Day Oct 1-7
    public void AfterWorkingDays_SkipsHolidays_AndCountsWorkingWeekendDays(string from, int days, string due)
    {
        Assert.Equal(D(due), DueDate.AfterWorkingDays(China, D(from), days));
    }

    [Theory]
    [InlineData("2018-09-28", "2018-10-12", 7)] // Sep 29, 30 worked; Oct 1-7 off
    [InlineData("2019-01-31", "2019-02-15", 8)] // Feb 2, 3 worked; Feb 4-10 off
    [InlineData("2019-09-27", "2019-10-14", 8)]
    [InlineData("2020-01-17", "2020-02-07", 10)] // Jan 19 worked; Jan 24-Feb 2 off
    [InlineData("2021-02-05", "2021-02-26", 12)]
    [InlineData("2023-09-25", "2023-10-13", 10)]
    [InlineData("2024-02-01", "2024-02-29", 17)]
    [InlineData("2025-09-26", "2025-10-17", 11)]
    [InlineData("2026-02-09", "2026-03-06", 15)]
    public void WorkingDaysBetween_CountsAcrossSpringFestivalAndNationalDay(string from, string to, int expected)
    {
        Assert.Equal(expected, China.WorkingDaysBetween(D(from), D(to)));
    }
}
