using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;

namespace Proposals.Tests.Calendar;

/// <summary>Years without a published schedule (2027 here) count weekends only, and say so loudly.</summary>
public sealed class CalendarWarningsFacts
{
    private static readonly WorkingCalendar China = new(ShippedCalendar.Load());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2027-07-01", 3, "2027-10-01")] // Friday Oct 1: surely a holiday once published, a working day until then
    [InlineData("2026-11-06", 3, "2027-02-08")] // Saturday Feb 6 -> Monday
    [InlineData("2026-12-31", 2, "2027-03-01")] // Feb 28 (Sunday, clamped from Feb 31) -> Monday
    public void AfterMonths_CountsWeekendsOnly_InYearWithoutSchedule(string assigned, int months, string due)
    {
        Assert.False(China.HasSchedule(2027));
        Assert.Null(China.Describe(D(due)));
        Assert.Equal(D(due), DueDate.AfterMonths(China, D(assigned), months));
    }

    [Fact]
    public void For_WarnsInChineseAndEnglish_WhenADateFallsIn2027()
    {
        var warning = CalendarWarnings.For(China, [D("2026-12-30"), D("2027-03-01")]);

        Assert.Equal(
            "警告: 2027年的法定节假日安排尚未载入, 只按周末计算工作日。Warning: no holiday schedule loaded for 2027; " +
            "counting weekends only. Load it with `proposals calendar import FILE`.",
            warning);
    }

    [Fact]
    public void For_IsNull_WhenEveryYearHasASchedule()
    {
        Assert.Null(CalendarWarnings.For(China, [D("2018-01-02"), D("2026-12-31")]));
        Assert.Null(CalendarWarnings.For(China, D("2018-01-01"), D("2026-12-31")));
        Assert.Empty(CalendarWarnings.MissingYears(China, D("2019-07-01"), D("2019-10-08")));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-12-31", new int[0])]
    [InlineData("2026-11-01", "2027-02-01", new[] { 2027 })]
    [InlineData("2017-12-01", "2018-03-01", new[] { 2017 })]
    [InlineData("2026-07-01", "2028-01-01", new[] { 2027, 2028 })]
    public void MissingYears_ListsTheRangeYearsWithoutSchedule(string from, string to, int[] missing)
    {
        Assert.Equal(missing, CalendarWarnings.MissingYears(China, D(from), D(to)));
    }

    [Fact]
    public void MissingYears_OfDates_IsDistinctAndInOrder()
    {
        Assert.Equal([2027, 2029], CalendarWarnings.MissingYears(China, [D("2029-01-05"), D("2027-10-01"), D("2027-11-01"), D("2026-05-06")]));
    }

    [Fact]
    public void For_NamesEveryMissingYear()
    {
        var warning = CalendarWarnings.For(China, D("2026-12-01"), D("2028-03-01"));

        Assert.StartsWith("警告: 2027年、2028年的法定节假日安排尚未载入", warning);
        Assert.Contains("no holiday schedule loaded for 2027 and 2028; counting weekends only. Load them with", warning);
    }

    [Fact]
    public void MissingYears_Throws_WhenRangeEndsBeforeItStarts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarWarnings.MissingYears(China, D("2020-02-01"), D("2020-01-01")));
    }

    [Fact]
    public void NotPublishedText_NamesTheFileAndTheYear()
    {
        var text = CalendarWarnings.NotPublishedText("2027.json", [2027]);

        Assert.Equal(
            "警告: 2027.json 中2027年的节假日安排为空 (尚未公布), 未载入。Warning: 2027.json lists no days for 2027 " +
            "(not published yet); nothing loaded for that year.",
            text);
        Assert.Null(CalendarWarnings.NotPublishedText("2027.json", []));
    }
}
