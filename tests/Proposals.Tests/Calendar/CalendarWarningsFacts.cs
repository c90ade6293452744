using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;

namespace Proposals.Tests.Calendar;

/// <summary>
/// Years without a loaded schedule say so, in one line: 2027 here (unpublished on 2026-12-02) is estimated
/// from the regulation, 2017 (before the revised regulation) counts weekends only.
/// </summary>
public sealed class CalendarWarningsFacts
{
    private static readonly WorkingCalendar China = new(ShippedCalendar.Load());

    private const string Estimated2027 =
        "警告: 2027年的节假日安排尚未载入, 按放假办法推算, 调休上班日未知 " +
        "(no holiday schedule loaded for 2027: holidays estimated from the regulation, working weekend days unknown; load it with `proposals calendar import FILE`)";

    private const string WeekendsOnly2017 =
        "警告: 2017年的节假日安排尚未载入, 只按周末计算 (no holiday schedule loaded for 2017: counting weekends only; load it with `proposals calendar import FILE`)";

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2017-07-01", 3, "2017-10-02")] // Sunday Oct 1 -> Monday: the 2017 National Day week is not known here
    [InlineData("2017-01-04", 1, "2017-02-06")] // Saturday Feb 4 -> Monday
    public void AfterMonths_CountsWeekendsOnly_InYearBefore2025WithoutSchedule(string assigned, int months, string due)
    {
        Assert.Equal(YearKnowledge.WeekendsOnly, China.KnowledgeOf(2017));
        Assert.Null(China.Describe(D(due).AddDays(-1)));
        Assert.Equal(D(due), DueDate.AfterMonths(China, D(assigned), months));
    }

    [Fact]
    public void For_WarnsInChineseAndEnglish_ThatTheStatutoryHolidaysAreEstimated_WhenADateFallsIn2027()
    {
        Assert.Equal(Estimated2027, CalendarWarnings.For(China, [D("2026-12-30"), D("2027-03-01")]));
        Assert.Equal(Estimated2027, CalendarWarnings.For(China, D("2026-12-31"), D("2027-01-04")));
    }

    [Fact]
    public void For_WarnsThatOnlyWeekendsCount_WhenADateFallsInAYearBefore2025WithoutSchedule()
    {
        Assert.Equal(WeekendsOnly2017, CalendarWarnings.For(China, [D("2017-12-29"), D("2018-01-02")]));
    }

    [Fact]
    public void For_GivesOneSentencePerKind_OnOneLine_WhenARangeTouchesBoth()
    {
        Assert.Equal(Estimated2027 + " " + WeekendsOnly2017, CalendarWarnings.For(China, [D("2017-12-29"), D("2027-01-04")]));
    }

    [Fact]
    public void Text_IsNull_ForPublishedYears_AndThrowsWhenAskedToWarnAboutOne()
    {
        Assert.Null(CalendarWarnings.Text(China, [2019, 2026]));
        Assert.Null(CalendarWarnings.Text(YearKnowledge.Estimated, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarWarnings.Text(YearKnowledge.Published, [2019]));
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

        Assert.StartsWith("警告: 2027年、2028年的节假日安排尚未载入, 按放假办法推算", warning);
        Assert.Contains("no holiday schedule loaded for 2027 and 2028: holidays estimated from the regulation", warning);
        Assert.EndsWith("load them with `proposals calendar import FILE`)", warning);
        Assert.DoesNotContain('\n', warning!);
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
