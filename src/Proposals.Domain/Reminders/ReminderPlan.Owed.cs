using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

public static partial class ReminderPlan
{
    /// <summary>
    /// The reminder owed today to one division for one item in one role, or null when none is.
    /// </summary>
    /// <remarks>
    /// Only the latest stage planned on or before today counts. When the latest stage recorded for this
    /// division and due date is that stage or a later one, nothing is owed, even if older stages never
    /// went out: a newer reminder has said all they would. Otherwise the latest stage is owed, and the
    /// older ones after the recorded one are only counted as skipped. Nothing is owed on a day off, for a
    /// returned item, once the answer owed is recorded on or before today, or to a co-division whose
    /// input is recorded. An extension or a re-handling changes the due date, so its stages are new keys.
    /// An overdue stage is owed only while the division has received fewer overdue notices for the item
    /// and due date than its cap (Reminders:MaxOverdueNotices, Reminders:MaxCoInputNotices): after
    /// that the item is in the weekly 通报, not in the division's daily email.
    /// </remarks>
    /// <param name="item">The item.</param>
    /// <param name="role">Whether <paramref name="division"/> leads or co-handles the item.</param>
    /// <param name="division">The division's name, as the item lists it.</param>
    /// <param name="today">The sweep's day (Asia/Shanghai).</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="history">What the reminder record holds for the item; null for nothing.</param>
    public static OwedReminder? Owed(
        Item item, ReminderRole role, string division, DateOnly today,
        WorkingCalendar calendar, ReminderPolicy policy, ReminderHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        CheckDivision(item, role, division);
        history ??= ReminderHistory.None;
        if (!Owes(item, role, division, today) || !calendar.IsWorkingDay(today)) return null;

        var dueOn = DueOnFor(item, role, today);
        var settled = history.LatestOnTheLine(division, dueOn);
        var (latest, skipped) = LatestSince(item, role, today, calendar, policy, settled);
        if (latest is not { } stage || (settled is { } s && s >= stage.Stage)) return null;
        var round = RoundOf(item, role, today);
        if (stage.IsOverdue && CapReached(history, division, role, round, dueOn, policy)) return null;
        var notice = stage.IsOverdue ? history.OverdueNotices(division, round) + 1 : 0;
        return Make(item, division, role, stage, skipped, today, policy, notice);
    }

    /// <summary>
    /// The acknowledgement reminder (签收提醒) owed today, or null: once, from the first working day
    /// after <see cref="Item.AcknowledgeDueOn"/>, while the lead division has not acknowledged, within
    /// Reminders:AcknowledgeWindowWorkingDays of 交办 (an item first seen later gets none), and only while
    /// nothing later is owed (no stage of the due date has come: after that the reminders say it all).
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="today">The sweep's day.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="recorded">Whether an acknowledgement reminder is already recorded for the item.</param>
    public static OwedReminder? AcknowledgeOwed(Item item, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy, bool recorded)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        if (recorded || item.AcknowledgeDueOn is not { } limit || !calendar.IsWorkingDay(today)) return null;
        if (item.AcknowledgedOn is { } a && a <= today) return null;
        if (item.IsReturned || item.IsRepliedBy(today) || today > item.EffectiveDueOn) return null;
        if (policy.AcknowledgeWindowWorkingDays is { } window && today > calendar.AddWorkingDays(item.AssignedOn, window)) return null;
        var plannedOn = calendar.AddWorkingDays(limit, 1);
        if (today < plannedOn) return null;
        if (Current(item, ReminderRole.Lead, item.LeadDivision, today, calendar, policy) is not null) return null;
        var stage = new PlannedStage(ReminderStage.Acknowledge, plannedOn, limit);
        return Make(item, item.LeadDivision, ReminderRole.Lead, stage, 0, today, policy, notice: 0);
    }

    /// <summary>
    /// 协办意见超期, owed today to the lead division, or null: once per input due date, on the first
    /// working day a co-division that has had all its overdue notices (Reminders:MaxCoInputNotices)
    /// would have been owed another, naming every co-division whose input is late then.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="today">The sweep's day.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="history">What the reminder record holds for the item; null for nothing.</param>
    public static OwedReminder? CoInputLateOwed(Item item, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy, ReminderHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        history ??= ReminderHistory.None;
        if (policy.MaxCoInputNotices is null || item.CoDivisions.Count == 0 || !calendar.IsWorkingDay(today)) return null;
        if (history.Has(item.LeadDivision, StageKind.CoInputLate, item.CoInputDueOn)) return null;
        List<string>? late = null;
        for (var i = 0; i < item.CoDivisions.Count; i++)
        {
            var co = item.CoDivisions[i];
            if (!Owes(item, ReminderRole.CoDivision, co, today)) continue;
            var settled = history.LatestOnTheLine(co, item.CoInputDueOn);
            var (latest, _) = LatestSince(item, ReminderRole.CoDivision, today, calendar, policy, settled);
            if (latest is not { IsOverdue: true } stage || (settled is { } s && s >= stage.Stage)) continue;
            if (CapReached(history, co, ReminderRole.CoDivision, HandlingRound.First, item.CoInputDueOn, policy)) (late ??= []).Add(co);
        }
        if (late is null) return null;
        var planned = new PlannedStage(ReminderStage.CoInputLate, today, item.CoInputDueOn);
        return Make(item, item.LeadDivision, ReminderRole.Lead, planned, 0, today, policy, notice: 0) with { LateCoDivisions = late };
    }

    /// <summary>
    /// The reminders owed today for an item: the acknowledgement reminder, the lead division's, each
    /// co-division's, then the lead division's word that a co-division's input is late.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="today">The sweep's day.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="policy">The reminder settings.</param>
    /// <param name="history">What the reminder record holds for the item; null for nothing.</param>
    public static IReadOnlyList<OwedReminder> OwedFor(
        Item item, DateOnly today, WorkingCalendar calendar, ReminderPolicy policy, ReminderHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        history ??= ReminderHistory.None;
        List<OwedReminder>? owed = null;
        if (item.AcknowledgeDueOn is { } ack)
        {
            Add(ref owed, AcknowledgeOwed(item, today, calendar, policy, history.Has(item.LeadDivision, StageKind.Acknowledge, ack)));
        }
        Add(ref owed, Owed(item, ReminderRole.Lead, item.LeadDivision, today, calendar, policy, history));
        for (var i = 0; i < item.CoDivisions.Count; i++)
        {
            Add(ref owed, Owed(item, ReminderRole.CoDivision, item.CoDivisions[i], today, calendar, policy, history));
        }
        Add(ref owed, CoInputLateOwed(item, today, calendar, policy, history));
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
        switch (role)
        {
            case ReminderRole.Lead:
                return string.Equals(item.LeadDivision, division, StringComparison.Ordinal);
            case ReminderRole.CoDivision:
                // An index loop: this runs for every candidate of every sweep, and enumerating an
                // IReadOnlyList through LINQ would allocate each time.
                for (var i = 0; i < item.CoDivisions.Count; i++)
                {
                    if (string.Equals(item.CoDivisions[i], division, StringComparison.Ordinal)) return true;
                }
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, null);
        }
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
    /// Who is copied on a reminder: a lead division's supervision goes to its head too (a co-division's
    /// never does: the lead division chases its own co-divisions); overdue notices to the coordinator as
    /// well (a co-division's lateness only once the reply itself is late), and a key item's to the
    /// leader who follows it. With Reminders:Grouping division, only the head is copied
    /// (<see cref="MorningEmail.Copies"/>); the coordinator and the leader read the summary and the 通报.
    /// </summary>
    public static ReminderCopies CopiesFor(Item item, ReminderRole role, ReminderStage stage, DateOnly today, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        var copies = role == ReminderRole.Lead && IsSupervision(item, stage, policy) ? ReminderCopies.Head : ReminderCopies.None;
        if (stage.IsOverdue && (role == ReminderRole.Lead || today > item.EffectiveDueOn)) copies |= ReminderCopies.Coordinator;
        if (stage.IsOverdue && item.IsKey) copies |= ReminderCopies.Leader;
        return copies;
    }

    /// <summary>The reminder at <paramref name="stage"/> as it would be sent on <paramref name="today"/>, the <paramref name="notice"/>-th overdue notice when overdue.</summary>
    public static OwedReminder Make(Item item, string division, ReminderRole role, PlannedStage stage, int skipped, DateOnly today, ReminderPolicy policy, int notice)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        var daysLeft = stage.DueOn.DayNumber - today.DayNumber;
        return stage.Stage.IsOnTheLine
            ? new OwedReminder(item.Key, division, role, RoundOf(item, role, today), stage, skipped,
                CopiesFor(item, role, stage.Stage, today, policy), IsSupervision(item, stage.Stage, policy), daysLeft) { Notice = notice }
            : new OwedReminder(item.Key, division, role, HandlingRound.First, stage, skipped, ReminderCopies.None, false, daysLeft);
    }

    // The lead's round is the item's; a co-division only ever feeds the first reply.
    private static HandlingRound RoundOf(Item item, ReminderRole role, DateOnly today) => role switch
    {
        ReminderRole.Lead => item.RoundOn(today),
        ReminderRole.CoDivision => HandlingRound.First,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private static bool CapReached(ReminderHistory history, string division, ReminderRole role, HandlingRound round, DateOnly dueOn, ReminderPolicy policy) =>
        policy.NoticeCap(role) is { } cap && history.OverdueNotices(division, round, dueOn) >= cap;

    private static void CheckDivision(Item item, ReminderRole role, string division)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(division);
        if (Handles(item, role, division)) return;
        var part = role switch
        {
            ReminderRole.Lead => "the lead division",
            ReminderRole.CoDivision => "a co-division",
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
        throw new ArgumentException(
            $"{division} is not {part} of item {item.Key} (lead: {item.LeadDivision}; co-divisions: {string.Join("、", item.CoDivisions)}).",
            nameof(division));
    }
}
