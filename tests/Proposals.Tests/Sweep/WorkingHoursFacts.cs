using System.Globalization;
using Proposals.Domain.Calendar;
using Proposals.Worker.Reminders;

namespace Proposals.Tests.Sweep;

public sealed class WorkingHoursFacts
{
    private static readonly WorkingCalendar China = new(ShippedCalendar.Load());
    private static readonly WorkingHours Hours = new(new TimeOnly(8, 30), new TimeOnly(17, 30));

    private static DateTime T(string local) => DateTime.Parse(local, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2019-09-30 08:29", false)]
    [InlineData("2019-09-30 08:30", true)]
    [InlineData("2019-09-30 17:29", true)]
    [InlineData("2019-09-30 17:30", false)]
    [InlineData("2019-10-01 10:00", false)] // National Day
    [InlineData("2019-09-28 10:00", false)] // an ordinary Saturday
    [InlineData("2019-09-29 10:00", true)]  // Sunday declared a working day
    public void IsOpen_OnWorkingDaysInWorkingHoursOnly(string local, bool open) =>
        Assert.Equal(open, Hours.IsOpen(T(local), China));

    [Theory]
    [InlineData("2019-09-30 07:00", "2019-09-30 08:30")]
    [InlineData("2019-09-30 18:00", "2019-10-08 08:30")] // over National Day
    [InlineData("2019-09-28 10:00", "2019-09-29 08:30")] // to the working Sunday
    [InlineData("2019-10-11 20:00", "2019-10-12 08:30")] // to the working Saturday
    public void NextOpening_IsTheNextWorkingMorning(string local, string expected) =>
        Assert.Equal(T(expected), Hours.NextOpening(T(local), China));
}
