using Proposals.Domain.Calendar;

namespace Proposals.Tests.Calendar;

/// <summary>A year's named days, to its last day, whatever the year.</summary>
public class YearDaysFacts
{
    private static readonly WorkingCalendar Calendar = new(ShippedCalendar.Load());

    [Theory]
    [InlineData(2019, "2019-10-01", "2019-10-12")]
    [InlineData(9999, null, null)]
    public void Of_ListsTheYearsDaysOffAndWorkingWeekendDays_UpToItsLastDay(int year, string? firstNational, string? lastWorkingWeekend)
    {
        var days = YearDays.Of(Calendar, year);

        Assert.All(days, d => Assert.Equal(year, d.Date.Year));
        if (firstNational is not null) Assert.Contains(days, d => d.Date == DateOnly.Parse(firstNational, System.Globalization.CultureInfo.InvariantCulture));
        if (lastWorkingWeekend is not null) Assert.Contains(days, d => d.Date == DateOnly.Parse(lastWorkingWeekend, System.Globalization.CultureInfo.InvariantCulture));
    }
}
