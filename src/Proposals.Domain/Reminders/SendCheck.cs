using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

/// <summary>
/// What a recorded reminder should become when its turn to be sent comes, as the ledger stands that
/// day: between the sweep and the send an answer may have been recorded, the item extended,
/// returned or given to another division, or days may have passed while the mail server was down.
/// </summary>
public abstract record SendCheck
{
    private SendCheck() { }

    /// <summary>Still the reminder owed today: send it as <paramref name="Reminder"/> says.</summary>
    public sealed record Send(OwedReminder Reminder) : SendCheck;

    /// <summary>No longer owed, for <paramref name="Reason"/> (in Chinese and English).</summary>
    public sealed record NotOwed(string Reason) : SendCheck;

    /// <summary>A newer stage (or the stage of a new due date) is owed today instead: record and send that one.</summary>
    public sealed record Newer(OwedReminder Reminder) : SendCheck;

    /// <summary>Its day has not come (a sweep run as of a later day recorded it): it waits for <paramref name="PlannedOn"/>.</summary>
    public sealed record NotYet(DateOnly PlannedOn) : SendCheck;

    /// <summary>
    /// Checks a reminder recorded for <paramref name="division"/> at <paramref name="stage"/> of
    /// <paramref name="dueOn"/>, on <paramref name="today"/>; an overdue one keeps the notice number it
    /// was recorded with (<paramref name="notice"/>), since the division never got the one it stands for.
    /// </summary>
    public static SendCheck Of(
        Item item, string division, ReminderRole role, DateOnly dueOn, ReminderStage stage, DateOnly plannedOn,
        DateOnly today, WorkingCalendar calendar, ReminderPolicy policy, int notice = 0)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        if (today < plannedOn) return new NotYet(plannedOn);
        if (WhyNotOwed(item, division, role, today) is { } reason) return new NotOwed(reason);
        switch (stage.Kind)
        {
            case StageKind.Acknowledge:
                var ack = ReminderPlan.AcknowledgeOwed(item, today, calendar, policy, recorded: false);
                return ack is not null && ack.DueOn == dueOn ? new Send(ack) : new NotOwed("已签收, 或已有到期提醒 (acknowledged, or the due date's reminders have begun)");
            case StageKind.CoInputLate:
                var late = LateCoDivisions(item, today);
                return late.Count > 0 && dueOn == item.CoInputDueOn
                    ? new Send(ReminderPlan.Make(item, division, role, new PlannedStage(stage, plannedOn, dueOn), 0, today, policy, 0) with { LateCoDivisions = late })
                    : new NotOwed("协办意见均已送达 (every co-division's input was delivered)");
            case StageKind.Before or StageKind.Due or StageKind.Overdue:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
        }
        var current = ReminderPlan.Current(item, role, division, today, calendar, policy);
        if (current is not { } now)
        {
            var due = ReminderPlan.DueOnFor(item, role, today);
            return due == dueOn ? new NotYet(plannedOn) : new NotOwed($"办理期限已改为 {Iso(due)} (the due date is now {Iso(due)})");
        }
        var owed = ReminderPlan.Make(item, division, role, now, 0, today, policy, now.IsOverdue ? Math.Max(notice, 1) : 0);
        if (now.DueOn != dueOn || now.Stage > stage) return new Newer(owed);
        return now.Stage < stage ? new NotYet(plannedOn) : new Send(owed);
    }

    private static List<string> LateCoDivisions(Item item, DateOnly today) =>
        today <= item.CoInputDueOn ? [] : item.CoDivisions.Where(c => ReminderPlan.Owes(item, ReminderRole.CoDivision, c, today)).ToList();

    private static string? WhyNotOwed(Item item, string division, ReminderRole role, DateOnly today)
    {
        if (item.IsReturned) return "事项已退回 (item returned)";
        if (!ReminderPlan.Handles(item, role, division)) return $"处室 {division} 已不再承办此事项 (the division no longer handles the item)";
        if (item.IsAnsweredBy(today)) return "事项已答复 (item answered)";
        if (role == ReminderRole.CoDivision && item.IsRepliedBy(today)) return "主办处室已答复 (the lead division has replied)";
        if (role == ReminderRole.CoDivision && item.IsCoInputDeliveredBy(division, today)) return "协办意见已送达 (the input was delivered)";
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
