using Fluid;
using MimeKit;
using Proposals.Domain.Reminders;

namespace Proposals.Mail;

/// <summary>
/// Writes a division's morning email (Reminders:Grouping division): the subject counts what is owed
/// (【催办】金融服务处：今日待办3件（其中超期1件）), the body lists one line per item with its stage in
/// words, due date, days left or overdue, role and answer links, and due.ics holds one event per due date.
/// </summary>
public sealed class DivisionEmailComposer
{
    /// <summary>The name of the template files: division.subject.liquid, division.html.liquid, division.txt.liquid.</summary>
    public const string TemplateName = "division";

    private readonly MailTemplateSet _templates;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Reads the templates in <paramref name="templatesDirectory"/> (missing ones from <paramref name="shippedDirectory"/>).</summary>
    /// <exception cref="MailTemplateException">A template file is missing or malformed.</exception>
    public DivisionEmailComposer(string templatesDirectory, MailOptions options, string? shippedDirectory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(templatesDirectory);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        _ = _options.FromMailbox;
        _templates = new MailTemplateSet(templatesDirectory, TemplateName, shippedDirectory);
    }

    /// <summary>The message for <paramref name="email"/>.</summary>
    /// <exception cref="FormatException">An address is not a valid email address.</exception>
    public MimeMessage Compose(DivisionEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = _time.GetLocalNow();
        return AutomaticMail.Write(_options, now, _templates, Context(email), email.Division, email.To, email.Cc,
            domain => ReminderKey.MessageId(email, domain),
            domain => DueDateCalendar.Write(email.Lines, domain, now));
    }

    /// <summary>The variables the templates see: the email's, and <c>lines</c>, each with every variable of a single reminder.</summary>
    private static TemplateContext Context(DivisionEmail email)
    {
        var context = ReminderTemplateModel.NewContext();
        var lines = email.Lines.Select(line => ReminderTemplateModel.Values(line).ToDictionary(v => v.Name, v => v.Value ?? "")).ToList();
        var items = email.Lines.Select(l => l.Item.Key).Distinct().Count() + email.More;
        var overdue = email.Lines.Where(l => l.Reminder.IsOverdue).Select(l => l.Item.Key).Distinct().Count() + email.MoreOverdue;
        context.SetValue("division", email.Division);
        context.SetValue("today", ReminderTemplateModel.ChineseDate(email.Today));
        context.SetValue("count", items);
        context.SetValue("overdue_count", overdue);
        context.SetValue("lines", lines);
        context.SetValue("more", email.More);
        context.SetValue("progress_url", email.ProgressUrl?.AbsoluteUri ?? "");
        context.SetValue("head_copied", email.Cc.Count > 0);
        context.SetValue("contact_name", email.Contact.Name);
        context.SetValue("contact_email", email.Contact.Email);
        context.SetValue("contact_phone", email.Contact.Phone ?? "");
        return context;
    }
}
