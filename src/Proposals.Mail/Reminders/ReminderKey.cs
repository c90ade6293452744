using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Mail;

/// <summary>
/// Stable identifiers derived from a reminder's key (item, division, stage, due date), so the same
/// reminder sent twice carries the same Message-ID and a duplicate is recognisable.
/// </summary>
internal static class ReminderKey
{
    private static readonly DateOnly SequenceEpoch = new(2000, 1, 1);

    /// <summary>The Message-ID (without angle brackets): one per item, division, stage and due date.</summary>
    public static string MessageId(ReminderMessage m, string domain)
    {
        var key = m.Item.Key;
        var due = m.Reminder.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Invariant culture: another host's culture (a Buddhist-calendar year, say) must give the same id.
        return string.Create(CultureInfo.InvariantCulture,
            $"reminder.{key.Kind.Code()}.{m.Reminder.DueOn:yyyyMMdd}.{Hash(key.Kind.Code(), key.Session, key.Number, m.Reminder.Division, m.Reminder.Stage.Code, due)}@{domain}");
    }

    /// <summary>
    /// The Message-ID of a division's morning email: one per division, day and the rows it carries, so
    /// a retry of the same email carries the same id.
    /// </summary>
    public static string MessageId(DivisionEmail email, string domain)
    {
        var rows = string.Join(",", email.RowIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"reminders.{email.Today:yyyyMMdd}.{Hash(email.Division, email.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows, email.Alone ? "alone" : "morning")}@{domain}");
    }

    /// <summary>
    /// The calendar event's UID: one per item, division and round (the 签收 date apart), so each new
    /// reminder's .ics updates the event already in the division's calendar instead of adding another
    /// one. The first round's UID is the one earlier versions wrote.
    /// </summary>
    public static string CalendarUid(ReminderMessage m, string domain)
    {
        var key = m.Item.Key;
        var parts = new List<string> { key.Kind.Code(), key.Session, key.Number, m.Reminder.Division };
        if (m.Reminder.Stage.Stage.Kind == StageKind.Acknowledge) parts.Add("ack");
        else if (m.Reminder.Round == HandlingRound.Rehandling) parts.Add(m.Reminder.Round.Code());
        return $"due.{key.Kind.Code()}.{Hash([.. parts])}@{domain}";
    }

    /// <summary>
    /// The event's SEQUENCE: grows with the due date, so an extension (which only moves the date
    /// later) replaces the earlier event in calendars that honour SEQUENCE.
    /// </summary>
    public static int CalendarSequence(ReminderMessage m) => Math.Max(0, m.Reminder.DueOn.DayNumber - SequenceEpoch.DayNumber);

    // Session and division names are Chinese and Message-IDs must be ASCII: hash the parts.
    private static string Hash(params string[] parts)
    {
        var joined = string.Join("\u001f", parts.Select(p => p.Trim()));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return Convert.ToHexStringLower(digest, 0, 10);
    }
}
