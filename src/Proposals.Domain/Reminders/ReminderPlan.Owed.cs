using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

public static partial class ReminderPlan
{
    /// <summary>
    /// The reminder owed today to one division for one item in one role, or null when none is.
    /// </summary>
    /// <remarks>
    /// Only the latest stage planned on or before today counts. When <paramref name="settledThrough"/>
    /// (the latest stage recorded for this division and due date) is that stage or a later one,
    /// nothing is owed, even if older stages never went out: a newer reminder has said all they
    /// would. Otherwise the latest stage is owed, and the older ones after the recorded one are only
    /// counted as skipped. Nothing is owed on a day off, for a returned item, once the answer owed is
    /// recorded on or before today, or to a co-division whose input is recorded. An extension or a
    /// re-handling changes the due date, so its stages are new keys.
    /// </remarks>
    /// <param name="item">The item.</param>
    /// <param name="role">Whether <paramref name="division"/> leads or co-handles the item.</param>
    /// <param name="division">The division's name, as the item lists it.</param>
    /// <param name="today">The sweep's day (Asia/Shanghai).</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="settledThrough">The latest stage recorded for this division and due date; null for none.</param>
    public static OwedReminder? Owed(
        Item item, ReminderRole role, string division, DateOnly today,
        WorkingCalendar calendar, ReminderPolicy policy, ReminderStage? settledThrough = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        CheckDivision(item, role, division);
        if (!Owes(item, role, division, today) || !calendar.IsWorkingDay(today)) return null;

        var dueOn = DueOnFor(item, role, today);
        var from = StartOf(item, role, today);
        var cursor = new StageCursor(dueOn, calendar, policy);
        PlannedStage latest = default;
        var found = false;
        var skipped = 0;
        while (cursor.MoveNext(out var stage) && stage.PlannedOn <= today)
        {
            if (stage.PlannedOn < from) continue;
            if (found && (settledThrough is not { } settled || latest.Stage > settled)) skipped++;
            latest = stage;
            found = true;
        }
        if (!found || (settledThrough is { } s && s >= latest.Stage)) return null;
        return Make(item, division, role, latest, skipped, today, policy);
    }

    /// <summary>
    /// The acknowledgement reminder (签收提醒) owed today, or null: once, from the first working day
    /// after <see cref="Item.AcknowledgeDueOn"/>, while the lead division has not acknowledged and the
    /// item is not yet answered nor past its due date (after that the supervision notices say it all).
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="today">The sweep's day.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="recorded">Whether an acknowledgement reminder is already recorded for the item.</param>
    public static OwedReminder? AcknowledgeOwed(Item item, DateOnly today, WorkingCalendar calendar, bool recorded)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        if (recorded || item.AcknowledgeDueOn is not { } limit || !calendar.IsWorkingDay(today)) return null;
        if (item.AcknowledgedOn is { } a && a <= today) return null;
        if (item.IsReturned || item.IsRepliedBy(today) || today > item.EffectiveDueOn) return null;
        var plannedOn = calendar.AddWorkingDays(limit, 1);
        if (today < plannedOn) return null;
        var stage = new PlannedStage(ReminderStage.Acknowledge, plannedOn, limit);
        return new OwedReminder(item.Key, item.LeadDivision, ReminderRole.Lead, HandlingRound.First, stage, 0,
            ReminderCopies.None, Supervision: false, DaysLeft: limit.DayNumber - today.DayNumber);
    }

    /// <summary>
    /// The reminders owed today for an item: the acknowledgement reminder, the lead division's, then
    /// each co-division's.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="today">The sweep's day.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="settledThrough">The latest stage recorded for (division, due date); null when nothing is recorded anywhere.</param>
    public static IReadOnlyList<OwedReminder> OwedFor(
        Item item, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy,
        Func<string, DateOnly, ReminderStage?>? settledThrough = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        List<OwedReminder>? owed = null;
        if (item.AcknowledgeDueOn is { } ack)
        {
            Add(ref owed, AcknowledgeOwed(item, today, calendar, settledThrough?.Invoke(item.LeadDivision, ack) is not null));
        }
        Add(ref owed, Owed(item, ReminderRole.Lead, item.LeadDivision, today, calendar, policy,
            settledThrough?.Invoke(item.LeadDivision, DueOnFor(item, ReminderRole.Lead, today))));
        for (var i = 0; i < item.CoDivisions.Count; i++)
        {
            var co = item.CoDivisions[i];
            Add(ref owed, Owed(item, ReminderRole.CoDivision, co, today, calendar, policy,
                settledThrough?.Invoke(co, item.CoInputDueOn)));
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

    /// <summary>
    /// Whether a reminder at <paramref name="stage"/> is supervision (督办): every stage after the due
    /// date, and a key item's due date itself when the policy supervises key items from it.
    /// </summary>
    public static bool IsSupervision(Item item, ReminderStage stage, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        return stage.IsOverdue || (item.IsKey && policy.KeyItemsSupervisedFromDueDate && stage.Kind == StageKind.Due);
    }

    /// <summary>
    /// Who is copied on a reminder: supervision goes to the division head too; overdue notices to the
    /// coordinator as well (a co-division's lateness only once the reply itself is late, before that
    /// the lead division chases its own co-divisions), and a key item's to the leader who follows it.
    /// </summary>
    public static ReminderCopies CopiesFor(Item item, ReminderRole role, ReminderStage stage, DateOnly today, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        var copies = IsSupervision(item, stage, policy) ? ReminderCopies.Head : ReminderCopies.None;
        if (stage.IsOverdue && (role == ReminderRole.Lead || today > item.EffectiveDueOn)) copies |= ReminderCopies.Coordinator;
        if (stage.IsOverdue && item.IsKey) copies |= ReminderCopies.Leader;
        return copies;
    }

    /// <summary>The reminder at <paramref name="stage"/> as it would be sent on <paramref name="today"/>.</summary>
    public static OwedReminder Make(Item item, string division, ReminderRole role, PlannedStage stage, int skipped, DateOnly today, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        if (stage.Stage.Kind == StageKind.Acknowledge)
        {
            return new OwedReminder(item.Key, division, role, HandlingRound.First, stage, skipped, ReminderCopies.None, false,
                stage.DueOn.DayNumber - today.DayNumber);
        }
        var round = role == ReminderRole.Lead ? item.RoundOn(today) : HandlingRound.First;
        return new OwedReminder(item.Key, division, role, round, stage, skipped,
            CopiesFor(item, role, stage.Stage, today, policy), IsSupervision(item, stage.Stage, policy),
            stage.DueOn.DayNumber - today.DayNumber);
    }

    /// <summary>
    /// The stage a division is owed on <paramref name="today"/> for a due date, whatever is recorded:
    /// what a sender checks a recorded reminder against before sending it. Null when nothing is owed.
    /// </summary>
    public static PlannedStage? Current(Item item, ReminderRole role, string division, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        if (!Owes(item, role, division, today)) return null;
        var from = StartOf(item, role, today);
        var cursor = new StageCursor(DueOnFor(item, role, today), calendar, policy);
        PlannedStage? latest = null;
        while (cursor.MoveNext(out var stage) && stage.PlannedOn <= today)
        {
            if (stage.PlannedOn >= from) latest = stage;
        }
        return latest;
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
}
