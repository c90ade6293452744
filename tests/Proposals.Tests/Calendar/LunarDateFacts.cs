using Proposals.Domain.Calendar;

namespace Proposals.Tests.Calendar;

/// <summary>The lunar holidays (春节, 端午节, 中秋节) as Gregorian dates, leap months and short twelfth months included.</summary>
public sealed class LunarDateFacts
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    //  除夕 is the day before 正月初一, whatever the twelfth month's length:
    //
    //   2025:  Jan 28 = 腊月廿九 (the month has 29 days)   Jan 29 = 正月初一
    //   2030:  Feb 2  = 腊月三十 (30 days)                 Feb 3  = 正月初一
    //   2034:  Feb 18 = 腊月三十, after 闰十一月 in 2033    Feb 19 = 正月初一
    [Theory]
    [InlineData(2018, "2018-02-15", "2018-02-16")]
    [InlineData(2020, "2020-01-24", "2020-01-25")]
    [InlineData(2022, "2022-01-31", "2022-02-01")] // 腊月廿九
    [InlineData(2024, "2024-02-09", "2024-02-10")]
    [InlineData(2025, "2025-01-28", "2025-01-29")] // 腊月廿九
    [InlineData(2026, "2026-02-16", "2026-02-17")] // 腊月廿九
    [InlineData(2027, "2027-02-05", "2027-02-06")] // 腊月廿九
    [InlineData(2028, "2028-01-25", "2028-01-26")]
    [InlineData(2029, "2029-02-12", "2029-02-13")]
    [InlineData(2030, "2030-02-02", "2030-02-03")] // 腊月三十
    [InlineData(2031, "2031-01-22", "2031-01-23")]
    [InlineData(2032, "2032-02-10", "2032-02-11")]
    [InlineData(2034, "2034-02-18", "2034-02-19")] // lunar 2033 has 13 months
    public void NewYearsEve_IsTheDayBeforeTheFirstOfTheFirstMonth(int year, string eve, string firstDay)
    {
        Assert.Equal(D(eve), LunarDate.NewYearsEve(year));
        Assert.Equal(D(firstDay), LunarDate.ToGregorian(year, 1, 1));
    }

    // Leap months move every later month up one in .NET's numbering: 2020 闰四月, 2023 闰二月,
    // 2025 闰六月 (中秋 is .NET's month 9), 2028 闰五月 (端午 before it, 中秋 after), 2031 闰三月,
    // 2033 闰十一月.
    [Theory]
    [InlineData(2019, "2019-06-07", "2019-09-13")]
    [InlineData(2020, "2020-06-25", "2020-10-01")] // 闰四月
    [InlineData(2023, "2023-06-22", "2023-09-29")] // 闰二月
    [InlineData(2024, "2024-06-10", "2024-09-17")]
    [InlineData(2025, "2025-05-31", "2025-10-06")] // 闰六月
    [InlineData(2026, "2026-06-19", "2026-09-25")]
    [InlineData(2027, "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-05-28", "2028-10-03")] // 闰五月
    [InlineData(2029, "2029-06-16", "2029-09-22")]
    [InlineData(2030, "2030-06-05", "2030-09-12")]
    [InlineData(2031, "2031-06-24", "2031-10-01")] // 闰三月
    [InlineData(2032, "2032-06-12", "2032-09-19")]
    [InlineData(2033, "2033-06-01", "2033-09-08")] // 闰十一月
    public void DragonBoatAndMidAutumn_AreTheFifthOfTheFifthAndTheFifteenthOfTheEighth(int year, string duanwu, string zhongqiu)
    {
        Assert.Equal(D(duanwu), LunarDate.ToGregorian(year, 5, 5));
        Assert.Equal(D(zhongqiu), LunarDate.ToGregorian(year, 8, 15));
    }

    [Fact]
    public void LunarHolidays_AreDaysOffOfTheirName_InEveryShippedSchedule()
    {
        foreach (var schedule in ShippedCalendar.Load())
        {
            var year = schedule.Year;
            AssertOff(schedule, LunarDate.ToGregorian(year, 1, 1), "春节");
            AssertOff(schedule, LunarDate.ToGregorian(year, 5, 5), "端午节");
            AssertOff(schedule, LunarDate.ToGregorian(year, 8, 15), "中秋节");
        }
    }

    [Fact]
    public void LastYear_Is2100()
    {
        Assert.Equal(2100, LunarDate.LastYear);
        Assert.Equal(D("2100-09-18"), LunarDate.ToGregorian(2100, 8, 15));
    }

    // Where 中秋 joins 国庆 the schedule names both ("国庆节、中秋节").
    private static void AssertOff(YearSchedule schedule, DateOnly date, string name)
    {
        Assert.True(schedule.Days.TryGetValue(date, out var day), $"{date} is not listed in {schedule.Year}");
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Contains(name, day.Name, StringComparison.Ordinal);
    }
}
