using Proposals.Domain.Calendar;

namespace Proposals.Tests.Calendar;

/// <summary>
/// A year estimated from the national regulation (全国年节及纪念日放假办法, revised 2024): the
/// statutory days and their weekend make-up days (补假), checked against 2027 by hand and against
/// the published schedules of 2025 and 2026.
/// </summary>
public sealed class RegulationEstimateFacts
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static string Days(int year) => string.Join(" ", RegulationEstimate.For(year).Days
        .Select(d => $"{d.Key:MM-dd}={d.Value.Name}"));

    //  2027, every day off the estimate gives:
    //
    //   Jan 1 Fri 元旦
    //   Feb 5 Fri  Feb 6 Sat  Feb 7 Sun  Feb 8 Mon | Feb 9 Tue   Feb 10 Wed
    //   除夕       初一       初二       初三      | 补假 Feb 6  补假 Feb 7   (Feb 8 is off already)
    //   Apr 5 Mon 清明 (the sun at 15°, about 08:14)
    //   May 1 Sat  May 2 Sun | May 3 Mon  May 4 Tue
    //   劳动节     劳动节    | 补假       补假
    //   Jun 9 Wed 端午 (五月初五)      Sep 15 Wed 中秋 (八月十五)
    //   Oct 1 Fri  Oct 2 Sat  Oct 3 Sun | Oct 4 Mon  Oct 5 Tue
    //   国庆节     国庆节     国庆节    | 补假       补假
    [Theory]
    [InlineData("2027-01-01", "元旦")]
    [InlineData("2027-02-05", "春节")]
    [InlineData("2027-02-06", "春节")]
    [InlineData("2027-02-07", "春节")]
    [InlineData("2027-02-08", "春节")]
    [InlineData("2027-02-09", "春节 (补假)")]
    [InlineData("2027-02-10", "春节 (补假)")]
    [InlineData("2027-04-05", "清明节")]
    [InlineData("2027-05-01", "劳动节")]
    [InlineData("2027-05-02", "劳动节")]
    [InlineData("2027-05-03", "劳动节 (补假)")]
    [InlineData("2027-05-04", "劳动节 (补假)")]
    [InlineData("2027-06-09", "端午节")]
    [InlineData("2027-09-15", "中秋节")]
    [InlineData("2027-10-01", "国庆节")]
    [InlineData("2027-10-02", "国庆节")]
    [InlineData("2027-10-03", "国庆节")]
    [InlineData("2027-10-04", "国庆节 (补假)")]
    [InlineData("2027-10-05", "国庆节 (补假)")]
    public void For2027_GivesTheStatutoryDaysAndTheirMakeUpDays(string date, string name)
    {
        Assert.Equal(new ScheduledDay(DayKind.Holiday, name), RegulationEstimate.For(2027).Days[D(date)]);
    }

    [Fact]
    public void For2027_GivesNothingElse()
    {
        Assert.Equal(
            "01-01=元旦 02-05=春节 02-06=春节 02-07=春节 02-08=春节 02-09=春节 (补假) 02-10=春节 (补假) 04-05=清明节 " +
            "05-01=劳动节 05-02=劳动节 05-03=劳动节 (补假) 05-04=劳动节 (补假) 06-09=端午节 09-15=中秋节 " +
            "10-01=国庆节 10-02=国庆节 10-03=国庆节 10-04=国庆节 (补假) 10-05=国庆节 (补假)",
            Days(2027));
        Assert.Equal(2027, RegulationEstimate.For(2027).Year);
        Assert.Contains("按放假办法推算", RegulationEstimate.For(2027).Source, StringComparison.Ordinal);
    }

    //  2028: 元旦 on a Saturday, 端午 on a Sunday, and 中秋 on 国庆's third day, counted once:
    //
    //   Sat Jan 1 元旦 -> Mon Jan 3 (Sun Jan 2 is a weekend day)
    //   Sun May 28 端午 -> Mon May 29
    //   Oct 1 Sun  Oct 2 Mon  Oct 3 Tue        | Oct 4 Wed
    //   国庆节     国庆节     中秋节、国庆节  | 补假 Oct 1
    [Fact]
    public void For2028_MakesUpWeekendDays_AndCountsACoincidingDayOnce()
    {
        Assert.Equal(
            "01-01=元旦 01-03=元旦 (补假) 01-25=春节 01-26=春节 01-27=春节 01-28=春节 04-04=清明节 " +
            "05-01=劳动节 05-02=劳动节 05-28=端午节 05-29=端午节 (补假) " +
            "10-01=国庆节 10-02=国庆节 10-03=中秋节、国庆节 10-04=国庆节 (补假)",
            Days(2028));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void EveryEstimatedDay_IsADayOffOfThePublishedSchedule(int year)
    {
        // The published schedule adds bridge days and working weekend days; the estimate must be
        // a subset of its days off, never a day the State Council had people work.
        var published = ShippedCalendar.Load().Single(s => s.Year == year);
        foreach (var (date, day) in RegulationEstimate.For(year).Days)
        {
            Assert.True(published.Days.TryGetValue(date, out var listed), $"{date:yyyy-MM-dd} {day.Name}: not a day off in the published {year}");
            Assert.Equal(DayKind.Holiday, listed.Kind);
            Assert.Contains(day.Name.Replace(RegulationEstimate.MakeUpMark, "", StringComparison.Ordinal).Split('、')[0], listed.Name, StringComparison.Ordinal);
        }
    }

    //  Where the make-up rule matters in 2025 and 2026, worked out by hand from art. 6, and what
    //  the State Council published around it:
    //
    //   2025 端午   Sat May 31 -> Mon Jun 2 (Sun Jun 1 a weekend day)      published May 31-Jun 2
    //   2026 清明   Sun Apr 5  -> Mon Apr 6                                published Apr 4-6
    //   2026 劳动节 Fri May 1, Sat May 2 -> Mon May 4                      published May 1-5
    //   2026 国庆节 Thu Oct 1 .. Sat Oct 3 -> Mon Oct 5 (Sun Oct 4 a weekend day)  published Oct 1-7
    [Theory]
    [InlineData(2025, "2025-06-02", "端午节 (补假)")]
    [InlineData(2026, "2026-04-06", "清明节 (补假)")]
    [InlineData(2026, "2026-05-04", "劳动节 (补假)")]
    [InlineData(2026, "2026-10-05", "国庆节 (补假)")]
    public void MakeUpDay_IsTheNextWeekdayNotAlreadyOff(int year, string date, string name)
    {
        Assert.Equal(new ScheduledDay(DayKind.Holiday, name), RegulationEstimate.For(year).Days[D(date)]);
    }

    [Theory]
    [InlineData(2025, "01-01=元旦 01-28=春节 01-29=春节 01-30=春节 01-31=春节 04-04=清明节 05-01=劳动节 05-02=劳动节 " +
        "05-31=端午节 06-02=端午节 (补假) 10-01=国庆节 10-02=国庆节 10-03=国庆节 10-06=中秋节")]
    [InlineData(2026, "01-01=元旦 02-16=春节 02-17=春节 02-18=春节 02-19=春节 04-05=清明节 04-06=清明节 (补假) " +
        "05-01=劳动节 05-02=劳动节 05-04=劳动节 (补假) 06-19=端午节 09-25=中秋节 " +
        "10-01=国庆节 10-02=国庆节 10-03=国庆节 10-05=国庆节 (补假)")]
    public void For_PublishedYears_GivesTheRegulationsDaysOnly(int year, string expected)
    {
        Assert.Equal(expected, Days(year));
    }

    [Theory]
    [InlineData(2024, false)] // the old regulation: no 除夕, one day for 劳动节
    [InlineData(2025, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)] // beyond .NET's Chinese calendar
    public void Covers_TheYearsOfTheRevisedRegulation(int year, bool covered)
    {
        Assert.Equal(covered, RegulationEstimate.Covers(year));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2101)]
    public void For_Throws_OutsideTheCoveredYears(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RegulationEstimate.For(year));
    }

    [Fact]
    public void EveryCoveredYear_HasThirteenStatutoryDays_AndOnlyWeekdayMakeUpDays()
    {
        for (var year = RegulationEstimate.FirstYear; year <= RegulationEstimate.LastYear; year++)
        {
            var days = RegulationEstimate.For(year).Days;
            var madeUp = days.Where(d => d.Value.Name.EndsWith(RegulationEstimate.MakeUpMark, StringComparison.Ordinal)).ToList();
            var statutory = days.Count - madeUp.Count;
            // 13 days by the regulation, one fewer where 中秋 falls on 国庆 (2028, 2031 ...).
            Assert.InRange(statutory, 12, 13);
            Assert.All(days.Keys, d => Assert.Equal(year, d.Year));
            Assert.All(madeUp, d => Assert.False(d.Key.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Key}"));
        }
    }
}
