using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using MimeKit;

namespace Proposals.Mail;

/// <summary>What every message the program writes from templates shares: sender, addresses, the automatic-message headers, the calendar attachment, the encoding.</summary>
internal static partial class AutomaticMail
{
    /// <summary>
    /// A message to <paramref name="toName"/> &lt;<paramref name="to"/>&gt; written from <paramref name="templates"/>
    /// with <paramref name="context"/>; <paramref name="messageId"/> and <paramref name="calendar"/> (the .ics, when
    /// the message carries dates) are made from the sender's domain.
    /// </summary>
    /// <exception cref="FormatException">An address is not a valid email address.</exception>
    public static MimeMessage Write(
        MailOptions options, DateTimeOffset now, MailTemplateSet templates, Fluid.TemplateContext context,
        string toName, string to, IEnumerable<string> cc, Func<string, string> messageId, Func<string, string>? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(messageId);
        var from = options.FromMailbox;
        var message = new MimeMessage();
        message.From.Add(from);
        if (options.ReplyToMailbox is { } replyTo) message.ReplyTo.Add(replyTo);
        Address(message, toName, to, cc);
        message.Subject = OneLine(templates.Subject.Render(context, Fluid.NullEncoder.Default));
        message.Date = now;
        message.MessageId = messageId(from.Domain);
        MarkAutomatic(message);
        var body = new BodyBuilder
        {
            TextBody = templates.Text.Render(context, Fluid.NullEncoder.Default),
            HtmlBody = templates.Html.Render(context, Html),
        };
        if (calendar is not null) AttachCalendar(body, calendar(from.Domain));
        message.Body = body.ToMessageBody();
        return Prepared(message);
    }

    /// <summary>Chinese stays readable in the HTML source; only markup characters are escaped.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>RFC 3834: an automatic message; tells out-of-office responders not to answer it.</summary>
    private static void MarkAutomatic(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
    }

    /// <summary>Addresses a message to a division, with its copies (each once, never the division's own address).</summary>
    /// <exception cref="FormatException">An address is not a valid email address.</exception>
    private static void Address(MimeMessage message, string division, string to, IEnumerable<string> cc)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(cc);
        var address = MailAddresses.Parse(to, $"The address of division {division}");
        message.To.Add(new MailboxAddress(division, address.Address));
        foreach (var copied in cc)
        {
            var copy = MailAddresses.Parse(copied, $"A copied address of the reminder to {division}");
            if (!message.To.Mailboxes.Concat(message.Cc.Mailboxes).Any(m => string.Equals(m.Address, copy.Address, StringComparison.OrdinalIgnoreCase)))
                message.Cc.Add(copy);
        }
    }

    /// <summary>Adds the .ics text as due.ics (text/calendar; method=PUBLISH).</summary>
    private static void AttachCalendar(BodyBuilder body, string ics)
    {
        ArgumentNullException.ThrowIfNull(body);
        var calendarType = new ContentType("text", "calendar") { Charset = "utf-8" };
        calendarType.Parameters.Add("method", "PUBLISH");
        body.Attachments.Add(DueDateCalendar.FileName, Encoding.UTF8.GetBytes(ics), calendarType);
    }

    /// <summary>Seven-bit bodies pass every relay and every pickup consumer unchanged.</summary>
    private static MimeMessage Prepared(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>A rendered subject as one line.</summary>
    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
