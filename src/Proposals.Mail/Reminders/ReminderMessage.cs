using Proposals.Domain.Reminders;
using Proposals.Domain.Ledger;

namespace Proposals.Mail;

/// <summary>
/// One reminder (催办) or supervision notice (督办) for one division, as the reminder sweep hands it
/// to <see cref="ReminderComposer"/>. Plain values only: what the message must say and whom it goes to.
/// </summary>
/// <param name="Kind">建议 or 提案.</param>
/// <param name="Session">The session (届次) exactly as imported, e.g. 十五届一次.</param>
/// <param name="Number">The item's number exactly as imported, e.g. 0012.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Proposer">The deputy(ies) or member(s) who handed it in.</param>
/// <param name="LeadDivision">The lead division (主办处室).</param>
/// <param name="CoDivisions">The co-divisions (协办处室), possibly none.</param>
/// <param name="AssignedOn">The day the item was assigned (交办).</param>
/// <param name="DueOn">
/// The date this division is held to: for the lead division the (effective, extended where extended)
/// reply due date; for a co-division the date its input is due to the lead division.
/// </param>
/// <param name="OriginalDueOn">The due date before an extension; null when not extended.</param>
/// <param name="DivisionName">The division the message is written for.</param>
/// <param name="Role">Whether that division leads or co-handles the item.</param>
/// <param name="Stage">The reminder stage's code (before-15 ... before-1, due, overdue-1, overdue-2 ...); part of the reminder key.</param>
/// <param name="DaysLeft">Days until <paramref name="DueOn"/>; 0 on the day; negative when overdue.</param>
/// <param name="To">The division's address.</param>
/// <param name="Cc">Copied addresses (the division head, the coordinator once overdue).</param>
/// <param name="Contact">Whom the division contacts with questions (the coordinator).</param>
public sealed record ReminderMessage(
    ItemKind Kind,
    string Session,
    string Number,
    string Title,
    string Proposer,
    string LeadDivision,
    IReadOnlyList<string> CoDivisions,
    DateOnly AssignedOn,
    DateOnly DueOn,
    DateOnly? OriginalDueOn,
    string DivisionName,
    ReminderRole Role,
    string Stage,
    int DaysLeft,
    string To,
    IReadOnlyList<string> Cc,
    ReminderContact Contact)
{
    /// <summary>True once the due date has passed: the reminder becomes supervision (督办).</summary>
    public bool IsOverdue => DaysLeft < 0;
}

/// <summary>The person a division contacts about a reminder.</summary>
/// <param name="Name">A name or office, e.g. 综合处 王芳.</param>
/// <param name="Email">Their address.</param>
/// <param name="Phone">Their phone number; null when not given.</param>
public sealed record ReminderContact(string Name, string Email, string? Phone = null);
