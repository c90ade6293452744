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
    public static string MessageId(ReminderMessage r, string domain) =>
        // Invariant culture: another host's culture (a Buddhist-calendar year, say) must give the same id.
        string.Create(CultureInfo.InvariantCulture,
            $"reminder.{r.Kind.Code()}.{r.DueOn:yyyyMMdd}.{Hash(r.Kind.Code(), r.Session, r.Number, r.DivisionName, r.Stage, r.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}@{domain}");

    /// <summary>
    /// The calendar event's UID: one per item and division, so each new reminder's .ics updates the
    /// event already in the division's calendar instead of adding another one.
    /// </summary>
    public static string CalendarUid(ReminderMessage r, string domain) =>
        $"due.{r.Kind.Code()}.{Hash(r.Kind.Code(), r.Session, r.Number, r.DivisionName)}@{domain}";

    /// <summary>
    /// The event's SEQUENCE: grows with the due date, so an extension (which only moves the date
    /// later) replaces the earlier event in calendars that honour SEQUENCE.
    /// </summary>
    public static int CalendarSequence(ReminderMessage r) => Math.Max(0, r.DueOn.DayNumber - SequenceEpoch.DayNumber);

    // Session and division names are Chinese and Message-IDs must be ASCII: hash the parts.
    private static string Hash(params string[] parts)
    {
        var joined = string.Join("\u001f", parts.Select(p => p.Trim()));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return Convert.ToHexStringLower(digest, 0, 10);
    }
}
