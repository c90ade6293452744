using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Deadlines;

/// <summary>
/// The dates that follow from an item's facts on the working-day calendar: its due date when none is
/// given, the co-divisions' input date, the acknowledgement and return limits, the re-handling due
/// date. A date a person typed that falls on a day off ends on the next working day (Civil Code
/// art. 203), as a computed one does.
/// </summary>
public static class ItemDeadlines
{
    /// <summary>
    /// The due date of an item assigned on <paramref name="assignedOn"/>: <paramref name="given"/> moved
    /// to a working day, else the reply limit (the input limit when the bureau assists) counted from assignment.
    /// </summary>
    public static DateOnly DueOn(BureauRole role, DateOnly assignedOn, DateOnly? given, WorkingCalendar calendar, TimeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);
        if (given is { } typed) return calendar.OnOrAfter(typed);
        return DueDate.AfterMonths(calendar, assignedOn, role.IsLead() ? limits.ReplyMonths : limits.CoInputMonths);
    }

    /// <summary><paramref name="item"/> with every derived date computed again from its facts.</summary>
    public static Item Derive(Item item, WorkingCalendar calendar, TimeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);
        var rehandle = item.Satisfaction == Satisfaction.Dissatisfied && item.EvaluatedOn is { } evaluated
            ? DueDate.AfterMonths(calendar, evaluated, limits.RehandleMonths)
            : (DateOnly?)null;
        return item with
        {
            DueOn = calendar.OnOrAfter(item.DueOn),
            Extension = item.Extension is { } e ? e with { NewDueOn = calendar.OnOrAfter(e.NewDueOn) } : null,
            CoInputDueOn = DueDate.AfterMonths(calendar, item.AssignedOn, limits.CoInputMonths),
            AcknowledgeDueOn = DueDate.AfterWorkingDays(calendar, item.AssignedOn, limits.AcknowledgeWorkingDays),
            ReturnBy = DueDate.AfterWorkingDays(calendar, item.AssignedOn, limits.ReturnWorkingDays),
            RehandleDueOn = rehandle,
        };
    }

    /// <summary>Whether <paramref name="typed"/> falls on a day off and so ends on the next working day.</summary>
    public static bool Moves(DateOnly typed, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return !calendar.IsWorkingDay(typed);
    }
}
