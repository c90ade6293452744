namespace Proposals.Mail;

/// <summary>The three files a reminder is written from, in one templates directory.</summary>
internal sealed class ReminderTemplates
{
    /// <summary>The subject line's template file name.</summary>
    public const string SubjectFile = "reminder.subject.liquid";

    /// <summary>The HTML body's template file name.</summary>
    public const string HtmlFile = "reminder.html.liquid";

    /// <summary>The plain-text body's template file name.</summary>
    public const string TextFile = "reminder.txt.liquid";

    /// <summary>Reads all three templates from <paramref name="directory"/>; throws naming the file at fault.</summary>
    public ReminderTemplates(string directory)
    {
        if (!Directory.Exists(directory))
            throw new MailTemplateException($"邮件模板文件夹不存在 (Mail templates directory {Path.GetFullPath(directory)} does not exist)");
        Subject = new MailTemplate(Path.Combine(directory, SubjectFile));
        Html = new MailTemplate(Path.Combine(directory, HtmlFile));
        Text = new MailTemplate(Path.Combine(directory, TextFile));
    }

    /// <summary>The subject line.</summary>
    public MailTemplate Subject { get; }

    /// <summary>The HTML body.</summary>
    public MailTemplate Html { get; }

    /// <summary>The plain-text body.</summary>
    public MailTemplate Text { get; }
}
