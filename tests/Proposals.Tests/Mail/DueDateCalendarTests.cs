using System.Text;
using Ical.Net;
using MimeKit;
using Proposals.Mail;

namespace Proposals.Tests.Mail;

public sealed class DueDateCalendarTests
{
    [Fact]
    public void Attachment_IsDueIcs_WithCalendarTypeAndPublishMethod()
    {
        var message = ReminderComposerTests.RoundTrip(MailSamples.Composer().Compose(MailSamples.LeadReminder()));

        var ics = Assert.IsAssignableFrom<MimePart>(message.Attachments.Single());
        Assert.Equal("due.ics", ics.FileName);
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        Assert.Equal("PUBLISH", ics.ContentType.Parameters["method"]);
    }

    [Fact]
    public void Event_IsAllDayOnTheDueDate_WithAnAlarm()
    {
        var calendar = Ical.Net.Calendar.Load(IcsText(MailSamples.LeadReminder()))!;

        Assert.Equal("PUBLISH", calendar.Method);
        var due = calendar.Events.Single();
        Assert.Equal(new DateOnly(2019, 10, 8), due.DtStart!.Date);
        Assert.False(due.DtStart.HasTime);
        Assert.True(due.IsAllDay);
        Assert.Contains("第0012号", due.Summary);
        Assert.Single(due.Alarms);
    }

    [Fact]
    public void Uid_StaysForTheSameItemAndDivision_SoNewerRemindersReplaceTheEvent()
    {
        var t3 = Event(MailSamples.LeadReminder(3, "before-3"));
        var t1 = Event(MailSamples.LeadReminder(1, "before-1"));
        var extended = Event(MailSamples.LeadReminder().WithItem(i => i with { Extension = new Proposals.Domain.Ledger.Extension(new DateOnly(2019, 12, 9), null) }).WithDueOn(new DateOnly(2019, 12, 9)));
        var otherDivision = Event(MailSamples.CoReminder());

        Assert.Equal(t3.Uid, t1.Uid);
        Assert.Equal(t3.Uid, extended.Uid);
        Assert.True(extended.Sequence > t3.Sequence);
        Assert.NotEqual(t3.Uid, otherDivision.Uid);
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Event(ReminderMessage reminder) =>
        Ical.Net.Calendar.Load(IcsText(reminder))!.Events.Single();

    private static string IcsText(ReminderMessage reminder)
    {
        var message = ReminderComposerTests.RoundTrip(MailSamples.Composer().Compose(reminder));
        var part = (MimePart)message.Attachments.Single();
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }
}
