using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

public static partial class ReminderPlan
{
    /// <summary>
    /// The reminder owed today to one division for one item, or null when none is.
    /// </summary>
    /// <remarks>
    /// Only the latest stage planned on or before today counts. When it is already in
    /// <paramref name="alreadyRecorded"/> nothing is owed, even if older stages never went out:
    /// a newer reminder has said all they would. Otherwise it is owed, and the older stages not
    /// recorded are listed as superseded, never sent. Nothing is owed on a day off, for a returned
    /// item, or once a reply is recorded on or before today. An extension changes the due date,
    /// so the new date's stages are new keys and the old date's are no longer planned.
    /// </remarks>
    /// <param name="item">The item.</param>
    /// <param name="role">Whether <paramref name="division"/> leads or co-handles the item.</param>
    /// <param name="division">The division's name, as the item lists it.</param>
    /// <param name="today">The sweep's day (Asia/Shanghai).</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="alreadyRecorded">Stage codes recorded for this item, division and due date; null for none.</param>
    public static OwedReminder? Owed(
        Item item, ReminderRole role, string division, DateOnly today,
        WorkingCalendar calendar, ReminderPolicy policy, IReadOnlySet<string>? alreadyRecorded = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        CheckDivision(item, role, division);
        if (item.IsReturned || item.IsRepliedBy(today) || !calendar.IsWorkingDay(today)) return null;

        var dueOn = DueOnFor(item, role);
        var cursor = new StageCursor(dueOn, calendar, policy);
        ReminderStage latest = default;
        var found = false;
        List<string>? superseded = null;
        while (cursor.MoveNext(out var stage) && stage.PlannedOn <= today)
        {
            if (stage.PlannedOn < item.AssignedOn) continue;
            if (found && alreadyRecorded?.Contains(latest.Code) != true) (superseded ??= []).Add(latest.Code);
            // A recorded stage settles every stage before it: they were sent or given up by then, so
            // they are not superseded again, and an item overdue for years does not pile up rows.
            if (alreadyRecorded?.Contains(stage.Code) == true) superseded = null;
            latest = stage;
            found = true;
        }
        if (!found || alreadyRecorded?.Contains(latest.Code) == true) return null;

        var (copyHead, copyCoordinator) = Copies(item, role, latest.IsOverdue, today);
        return new OwedReminder(
            item.Key, division, role, dueOn, latest,
            (IReadOnlyList<string>?)superseded ?? [],
            CopyHead: copyHead,
            CopyCoordinator: copyCoordinator,
            DaysLeft: dueOn.DayNumber - today.DayNumber);
    }

    /// <summary>
    /// The reminders owed today for an item: the lead division's, then each co-division's.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="today">The sweep's day.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="recorded">The stage codes recorded for (division, due date); null when nothing is recorded anywhere.</param>
    public static IReadOnlyList<OwedReminder> OwedFor(
        Item item, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy,
        Func<string, DateOnly, IReadOnlySet<string>?>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        List<OwedReminder>? owed = null;
        Add(ref owed, Owed(item, ReminderRole.Lead, item.LeadDivision, today, calendar, policy,
            recorded?.Invoke(item.LeadDivision, item.EffectiveDueOn)));
        for (var i = 0; i < item.CoDivisions.Count; i++)
        {
            var co = item.CoDivisions[i];
            Add(ref owed, Owed(item, ReminderRole.CoDivision, co, today, calendar, policy,
                recorded?.Invoke(co, item.CoInputDueOn)));
        }
        return (IReadOnlyList<OwedReminder>?)owed ?? [];

        static void Add(ref List<OwedReminder>? list, OwedReminder? reminder)
        {
            if (reminder is not null) (list ??= []).Add(reminder);
        }
    }

    /// <summary>Whether <paramref name="division"/> plays <paramref name="role"/> for <paramref name="item"/>.</summary>
    public static bool Handles(Item item, ReminderRole role, string division)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (role == ReminderRole.Lead) return string.Equals(item.LeadDivision, division, StringComparison.Ordinal);
        // An index loop: this runs for every candidate of every sweep, and enumerating an
        // IReadOnlyList through LINQ would allocate each time.
        for (var i = 0; i < item.CoDivisions.Count; i++)
        {
            if (string.Equals(item.CoDivisions[i], division, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static void CheckDivision(Item item, ReminderRole role, string division)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(division);
        if (Handles(item, role, division)) return;
        var part = role == ReminderRole.Lead ? "the lead division" : "a co-division";
        throw new ArgumentException(
            $"{division} is not {part} of item {item.Key} (lead: {item.LeadDivision}; co-divisions: {string.Join("、", item.CoDivisions)}).",
            nameof(division));
    }

    /// <summary>Who is copied on a recorded reminder, known by its stage code.</summary>
    public static (bool Head, bool Coordinator) Copies(Item item, ReminderRole role, string stageCode, DateOnly today) =>
        Copies(item, role, StageCodes.IsOverdue(stageCode), today);

    /// <summary>
    /// Who is copied on a reminder: overdue ones go to the division head too, and to the coordinator;
    /// a co-division's lateness reaches the coordinator only once the reply itself is late, before
    /// that the lead division chases its own co-divisions.
    /// </summary>
    public static (bool Head, bool Coordinator) Copies(Item item, ReminderRole role, bool overdue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (overdue, overdue && (role == ReminderRole.Lead || today > item.EffectiveDueOn));
    }
}
