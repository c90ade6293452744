using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using MimeKit;

namespace Proposals.Mail;

/// <summary>
/// Writes a reminder (催办) or supervision notice (督办) for one division: subject, HTML and text
/// bodies from the templates directory, and the due date as a calendar attachment.
/// </summary>
public sealed partial class ReminderComposer
{
    // Chinese stays readable in the HTML source; only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ReminderTemplates _templates;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Reads the templates in <paramref name="templatesDirectory"/> and checks the sender settings.</summary>
    /// <exception cref="MailTemplateException">A template file is missing or malformed.</exception>
    public ReminderComposer(string templatesDirectory, MailOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(templatesDirectory);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        _ = _options.FromMailbox;
        _templates = new ReminderTemplates(templatesDirectory);
    }

    /// <summary>The message for <paramref name="reminder"/>, ready for any <see cref="IMailSession"/>.</summary>
    /// <exception cref="FormatException">An address of the reminder is not a valid email address.</exception>
    public MimeMessage Compose(ReminderMessage reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var from = _options.FromMailbox;
        var now = _time.GetLocalNow();
        var context = ReminderTemplateModel.For(reminder);

        var message = new MimeMessage();
        message.From.Add(from);
        if (_options.ReplyToMailbox is { } replyTo)
            message.ReplyTo.Add(replyTo);
        var division = reminder.Reminder.Division;
        var to = MailAddresses.Parse(reminder.To, $"The address of division {division}");
        message.To.Add(new MailboxAddress(division, to.Address));
        foreach (var cc in reminder.Cc)
        {
            var copy = MailAddresses.Parse(cc, $"A copied address of the reminder to {division}");
            if (!message.To.Mailboxes.Concat(message.Cc.Mailboxes).Any(m => string.Equals(m.Address, copy.Address, StringComparison.OrdinalIgnoreCase)))
                message.Cc.Add(copy);
        }
        message.Subject = OneLine(_templates.Subject.Render(context, NullEncoder.Default));
        message.Date = now;
        message.MessageId = ReminderKey.MessageId(reminder, from.Domain);
        // RFC 3834: an automatic message; tells out-of-office responders not to answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        var body = new BodyBuilder
        {
            TextBody = _templates.Text.Render(context, NullEncoder.Default),
            HtmlBody = _templates.Html.Render(context, Html),
        };
        var ics = DueDateCalendar.Write(reminder, DueDateCalendar.Summary(reminder), from.Domain, now);
        var calendarType = new ContentType("text", "calendar") { Charset = "utf-8" };
        calendarType.Parameters.Add("method", "PUBLISH");
        body.Attachments.Add(DueDateCalendar.FileName, Encoding.UTF8.GetBytes(ics), calendarType);
        message.Body = body.ToMessageBody();

        // Seven-bit bodies pass every relay and every pickup consumer unchanged.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
