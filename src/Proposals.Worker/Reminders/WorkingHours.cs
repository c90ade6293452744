using Proposals.Domain.Calendar;

namespace Proposals.Worker.Reminders;

/// <summary>
/// When reminders may reach a division: on working days, in working hours, local time. A worker
/// restarted at night or a retry that falls in the evening waits for the next working morning.
/// </summary>
internal sealed record WorkingHours(TimeOnly From, TimeOnly Until)
{
    /// <summary>Whether <paramref name="local"/> (the bureau's local time) is in working hours on a working day.</summary>
    public bool IsOpen(DateTime local, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var time = TimeOnly.FromDateTime(local);
        return calendar.IsWorkingDay(DateOnly.FromDateTime(local)) && time >= From && time < Until;
    }

    /// <summary>The next local time at which working hours begin, after <paramref name="local"/>.</summary>
    public DateTime NextOpening(DateTime local, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= From) day = day.AddDays(1);
        return calendar.OnOrAfter(day).ToDateTime(From);
    }
}
