using Proposals.Domain.Reminders;
using System.Text;
using Proposals.Domain.Ledger;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Proposals.Mail;

/// <summary>
/// The .ics attachment: one all-day event per (item, division, round, due date) a message names, each
/// with an alarm the day before, a UID stable for the item, division and round, and a SEQUENCE that
/// grows with the date, so a calendar updates the event when the date moves instead of adding one.
/// </summary>
internal static class DueDateCalendar
{
    /// <summary>The attachment's file name.</summary>
    public const string FileName = "due.ics";

    /// <summary>The iCalendar text (METHOD:PUBLISH) with an event for each reminder's due date (once per date).</summary>
    public static string Write(IEnumerable<ReminderMessage> reminders, string domain, DateTimeOffset stamp)
    {
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//Proposals//Reminders//ZH" };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in reminders)
        {
            if (r.Reminder.Stage.Stage.Kind == StageKind.CoInputLate) continue; // a word to the lead division, not a date of its own
            var uid = ReminderKey.CalendarUid(r, domain);
            if (!seen.Add(uid)) continue;
            var summary = Summary(r);
            var due = new CalendarEvent
            {
                Uid = uid,
                Sequence = ReminderKey.CalendarSequence(r),
                DtStamp = new CalDateTime(stamp.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(r.Reminder.DueOn),
                DtEnd = new CalDateTime(r.Reminder.DueOn.AddDays(1)),
                Summary = summary,
                Description = Description(r),
                Transparency = TransparencyType.Transparent,
            };
            due.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = summary,
                Trigger = new Trigger(Duration.FromDays(-1)),
            });
            calendar.Events.Add(due);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The event's summary: the item and what is due.</summary>
    public static string Summary(ReminderMessage r)
    {
        var key = r.Item.Key;
        var kind = r.Reminder.Stage.Stage.Kind;
        var what = kind switch
        {
            StageKind.Acknowledge => "签收期限",
            StageKind.Before or StageKind.Due or StageKind.Overdue => DueDateName(r.Reminder.Role, r.Reminder.Round),
            // Told to the lead division about its co-divisions' input.
            StageKind.CoInputLate => "协办意见反馈期限",
            _ => throw new ArgumentOutOfRangeException(nameof(r), kind, null),
        };
        return $"{key.Kind.FullName()} {key.Session} 第{key.Number}号 {what}";
    }

    // The due date a stage of the line counts against: the lead's round's, or a co-division's input date.
    private static string DueDateName(ReminderRole role, HandlingRound round) => role switch
    {
        ReminderRole.Lead => round switch
        {
            HandlingRound.First => "办理期限",
            HandlingRound.Rehandling => "重新办理期限",
            _ => throw new ArgumentOutOfRangeException(nameof(round), round, null),
        },
        // A co-division only ever feeds the first reply, whatever the round.
        ReminderRole.CoDivision => "协办意见反馈期限",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private static string Description(ReminderMessage r)
    {
        var text = new StringBuilder();
        text.Append("标题：").AppendLine(r.Item.Title);
        text.Append("主办处室：").AppendLine(r.Item.LeadDivision);
        text.Append("联系人：").Append(r.Contact.Name).Append(' ').Append(r.Contact.Email);
        return text.ToString();
    }
}
