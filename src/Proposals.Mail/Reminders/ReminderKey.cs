using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Proposals.Domain.Ledger;

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
    /// The calendar event's UID: one per item and division, so each new reminder's .ics updates the
    /// event already in the division's calendar instead of adding another one.
    /// </summary>
    public static string CalendarUid(ReminderMessage m, string domain) =>
        $"due.{m.Item.Key.Kind.Code()}.{Hash(m.Item.Key.Kind.Code(), m.Item.Key.Session, m.Item.Key.Number, m.Reminder.Division)}@{domain}";

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
