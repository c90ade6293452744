using Proposals.Tests.Infrastructure;
using Proposals.Domain.Calendar;
using Proposals.Domain.Rates;

namespace Proposals.Tests.Reporting.Schedule;

public sealed class ReportPeriodFacts
{
    private static readonly WorkingCalendar Calendar = new(ShippedCalendar.Load());

    [Theory]
    [InlineData(2019, 10, "2019-10-08")] // National Day week, Oct 1-7
    [InlineData(2020, 2, "2020-02-03")] // Spring Festival holiday extended to Feb 2
    [InlineData(2023, 1, "2023-01-03")] // New Year's Day on Sunday, off on Monday Jan 2
    [InlineData(2021, 5, "2021-05-06")] // Labour Day, May 1-5
    [InlineData(2026, 1, "2026-01-04")] // Jan 1-3 off; Sunday Jan 4 is a declared working day
    [InlineData(2023, 10, "2023-10-07")] // Sep 29 - Oct 6 off; Saturday Oct 7 is a declared working day
    [InlineData(2025, 10, "2025-10-09")] // National Day and Mid-Autumn, Oct 1-8
    [InlineData(2022, 1, "2022-01-04")] // Jan 1-3 off
    [InlineData(2025, 2, "2025-02-05")] // Spring Festival to Feb 4
    [InlineData(2019, 2, "2019-02-01")] // an ordinary Friday
    [InlineData(2019, 12, "2019-12-02")] // Dec 1 is a Sunday
    public void DueOn_IsTheMonthsFirstWorkingDay(int year, int month, string expected)
    {
        var period = ReportPeriod.MonthOf(new DateOnly(year, month, 1));

        Assert.Equal(Items.D(expected), period.DueOn(Calendar));
    }

    [Theory]
    [InlineData(2022, "2023-01-03")]
    [InlineData(2025, "2026-01-04")]
    [InlineData(2024, "2025-01-02")]
    public void AnnualDueOn_IsTheFirstWorkingDayOfTheNextJanuary(int year, string expected) =>
        Assert.Equal(Items.D(expected), ReportPeriod.Annual(year).DueOn(Calendar));

    [Theory]
    [InlineData("2019-10", "2019-10-07T10:00", false)] // a holiday before the first working day
    [InlineData("2019-10", "2019-10-08T08:59", false)] // the day, before 09:00
    [InlineData("2019-10", "2019-10-08T09:00", true)]
    [InlineData("2019-10", "2019-10-21T15:00", true)] // missed: a later run in the month sends it
    [InlineData("2019-10", "2019-10-31T23:59", true)]
    [InlineData("2019-10", "2019-11-04T09:00", false)] // another month: that month's report is due instead
    [InlineData("2019-10", "2019-09-30T09:00", false)]
    [InlineData("2022-annual", "2023-01-03T09:00", true)]
    [InlineData("2022-annual", "2023-01-02T09:00", false)] // New Year holiday
    [InlineData("2022-annual", "2023-01-31T17:00", true)]
    [InlineData("2022-annual", "2023-02-01T09:00", false)] // after January: sent by hand only
    [InlineData("2022-annual", "2022-12-31T09:00", false)]
    public void IsDue_FromSendTimeOnTheFirstWorkingDayToTheMonthsEnd(string code, string now, bool due)
    {
        var at = DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(due, ReportPeriod.Parse(code).IsDue(at, new TimeOnly(9, 0), Calendar));
    }

    [Theory]
    [InlineData("2026-11", ReportPeriodKind.Monthly, "2026-11", 2026, "2026-11-01")]
    [InlineData(" 2026-02 ", ReportPeriodKind.Monthly, "2026-02", 2026, "2026-02-01")]
    [InlineData("2026-01", ReportPeriodKind.Monthly, "2026-01", 2025, "2026-01-01")] // January counts the year before
    [InlineData("2025-annual", ReportPeriodKind.Annual, "2025-annual", 2025, "2026-01-01")]
    [InlineData("2025-ANNUAL", ReportPeriodKind.Annual, "2025-annual", 2025, "2026-01-01")]
    public void Parse_ReadsMonthsAndYears(string text, ReportPeriodKind kind, string code, int figuresYear, string sendMonth)
    {
        var period = ReportPeriod.Parse(text);

        Assert.Equal((kind, code, figuresYear, Items.D(sendMonth)), (period.Kind, period.Code, period.FiguresYear, period.SendMonth));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026")]
    [InlineData("26-11")]
    [InlineData("2026-11-01")]
    [InlineData("abcd-annual")]
    [InlineData("-annual")]
    [InlineData("")]
    public void Parse_RefusesOtherText_ShowingBothForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => ReportPeriod.Parse(text));

        Assert.Contains("2026-11", error.Message, StringComparison.Ordinal);
        Assert.Contains("2025-annual", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019-10", "2019-10-08", "2019-10-08")]
    [InlineData("2019-10", "2019-10-21", "2019-10-21")]
    [InlineData("2018-annual", "2019-01-02", "2018-12-31")]
    [InlineData("2018-annual", "2019-06-30", "2018-12-31")]
    public void AsOf_IsTheReportDay_OrTheYearsEnd(string code, string reportDay, string asOf) =>
        Assert.Equal(Items.D(asOf), ReportPeriod.Parse(code).AsOf(Items.D(reportDay)));

    [Theory]
    [InlineData("2026-11-20", "2026-11", "2025-annual")]
    [InlineData("2026-01-04", "2026-01", "2025-annual")]
    [InlineData("2019-12-31", "2019-12", "2018-annual")]
    public void ThePeriodsOfADay(string day, string monthly, string annual)
    {
        var d = Items.D(day);

        Assert.Equal((monthly, annual), (ReportPeriod.MonthOf(d).Code, ReportPeriod.AnnualSentIn(d).Code));
    }
}
