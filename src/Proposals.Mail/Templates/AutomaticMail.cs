using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using MimeKit;

namespace Proposals.Mail;

/// <summary>What every message the program writes shares: the automatic-message headers, the calendar attachment, the encoding.</summary>
internal static partial class AutomaticMail
{
    /// <summary>Chinese stays readable in the HTML source; only markup characters are escaped.</summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>RFC 3834: an automatic message; tells out-of-office responders not to answer it.</summary>
    public static void MarkAutomatic(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
    }

    /// <summary>Addresses a message to a division, with its copies (each once, never the division's own address).</summary>
    /// <exception cref="FormatException">An address is not a valid email address.</exception>
    public static void Address(MimeMessage message, string division, string to, IEnumerable<string> cc)
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
    public static void AttachCalendar(BodyBuilder body, string ics)
    {
        ArgumentNullException.ThrowIfNull(body);
        var calendarType = new ContentType("text", "calendar") { Charset = "utf-8" };
        calendarType.Parameters.Add("method", "PUBLISH");
        body.Attachments.Add(DueDateCalendar.FileName, Encoding.UTF8.GetBytes(ics), calendarType);
    }

    /// <summary>Seven-bit bodies pass every relay and every pickup consumer unchanged.</summary>
    public static MimeMessage Prepared(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>A rendered subject as one line.</summary>
    public static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
