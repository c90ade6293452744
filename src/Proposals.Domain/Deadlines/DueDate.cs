using Proposals.Domain.Calendar;

namespace Proposals.Domain.Deadlines;

/// <summary>
/// Time limits counted as the Civil Code counts them (arts. 201-203): the starting day is not
/// counted; a period in months ends on the corresponding day of the last month, or on that
/// month's last day when it has none; a last day that is not a working day moves to the next
/// working day.
/// </summary>
public static class DueDate
{
    /// <summary>The end of a period of <paramref name="months"/> months starting the day after <paramref name="from"/>.</summary>
    public static DateOnly AfterMonths(WorkingCalendar calendar, DateOnly from, int months)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        // DateOnly.AddMonths already clamps to the month's last day (Jan 31 + 1 month = Feb 28/29).
        return calendar.OnOrAfter(from.AddMonths(months));
    }

    /// <summary>The end of a period of <paramref name="days"/> working days after <paramref name="from"/>.</summary>
    public static DateOnly AfterWorkingDays(WorkingCalendar calendar, DateOnly from, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(from, days);
    }
}
