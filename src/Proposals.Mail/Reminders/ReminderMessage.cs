using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Mail;

/// <summary>
/// One reminder (催办) or supervision notice (督办) for one division, as a sender hands it to
/// <see cref="ReminderComposer"/>: the item, the reminder the plan decided (stage, role, round, who
/// is copied), the day it is sent, and the resolved addresses.
/// </summary>
/// <param name="Item">The item, as the ledger holds it now.</param>
/// <param name="Reminder">The reminder the plan owes today: what the message says and whom it is for.</param>
/// <param name="Today">The day it is sent (Asia/Shanghai), from which the days left are counted.</param>
/// <param name="To">The division's address.</param>
/// <param name="Cc">Copied addresses (the head, the coordinator, the leader), as <see cref="OwedReminder.Copies"/> asked and the addresses known allow.</param>
/// <param name="Contact">Whom the division contacts with questions (the coordinator).</param>
public sealed record ReminderMessage(Item Item, OwedReminder Reminder, DateOnly Today, string To, IReadOnlyList<string> Cc, ReminderContact Contact)
{
    /// <summary>Links the division may follow to answer from the email (签收, 登记答复, 协办意见已送达); none when no public address is set.</summary>
    public IReadOnlyList<ReminderLink> Links { get; init; } = [];

    /// <summary>Calendar days from <see cref="Today"/> to the due date; negative when overdue.</summary>
    public int DaysLeft => Reminder.DueOn.DayNumber - Today.DayNumber;

    /// <summary>Whether the due date has passed: the stage says so, the one definition the plan, the copies and the wording share.</summary>
    public bool IsOverdue => Reminder.IsOverdue;
}

/// <summary>The person a division contacts about a reminder.</summary>
/// <param name="Name">A name or office, e.g. 综合处 王芳.</param>
/// <param name="Email">Their address.</param>
/// <param name="Phone">Their phone number; null when not given.</param>
public sealed record ReminderContact(string Name, string Email, string? Phone = null);

/// <summary>A signed link in a reminder that lets the division record a fact without an account.</summary>
/// <param name="Label">What the division reads on the button: 确认签收, 登记答复, 协办意见已送达.</param>
/// <param name="Url">The signed address.</param>
public sealed record ReminderLink(string Label, Uri Url);
