using Fluid;
using MimeKit;

namespace Proposals.Mail;

/// <summary>
/// Writes a reminder (催办) or supervision notice (督办) for one division: subject, HTML and text
/// bodies from the templates directory, and the due date as a calendar attachment.
/// </summary>
public sealed class ReminderComposer
{
    /// <summary>The name of the reminder's template files: reminder.subject.liquid, reminder.html.liquid, reminder.txt.liquid.</summary>
    public const string TemplateName = "reminder";

    private readonly MailTemplateSet _templates;
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
        _templates = new MailTemplateSet(templatesDirectory, TemplateName);
    }

    /// <summary>The message for <paramref name="reminder"/>, ready for any <see cref="IMailSession"/>.</summary>
    /// <exception cref="FormatException">An address of the reminder is not a valid email address.</exception>
    public MimeMessage Compose(ReminderMessage reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var now = _time.GetLocalNow();
        return AutomaticMail.Write(_options, now, _templates, ReminderTemplateModel.For(reminder),
            reminder.Reminder.Division, reminder.To, reminder.Cc,
            domain => ReminderKey.MessageId(reminder, domain),
            domain => DueDateCalendar.Write([reminder], domain, now));
    }
}
