namespace Proposals.Mail;

/// <summary>
/// The three files one kind of message is written from (<c>NAME.subject.liquid</c>, <c>NAME.html.liquid</c>,
/// <c>NAME.txt.liquid</c>). A file missing from the coordinator's own templates folder is taken from
/// the folder shipped with the program, so a folder made for an earlier version keeps working.
/// </summary>
internal sealed class MailTemplateSet
{
    /// <summary>Reads the three templates of <paramref name="name"/>; throws naming the file at fault.</summary>
    public MailTemplateSet(string directory, string name, string? shipped = null)
    {
        if (!Directory.Exists(directory))
            throw new MailTemplateException($"邮件模板文件夹不存在 (Mail templates directory {Path.GetFullPath(directory)} does not exist)");
        Subject = new MailTemplate(Find(directory, $"{name}.subject.liquid", shipped));
        Html = new MailTemplate(Find(directory, $"{name}.html.liquid", shipped));
        Text = new MailTemplate(Find(directory, $"{name}.txt.liquid", shipped));
    }

    /// <summary>The subject line.</summary>
    public MailTemplate Subject { get; }

    /// <summary>The HTML body.</summary>
    public MailTemplate Html { get; }

    /// <summary>The plain-text body.</summary>
    public MailTemplate Text { get; }

    private static string Find(string directory, string file, string? shipped)
    {
        var own = Path.Combine(directory, file);
        if (File.Exists(own) || shipped is null) return own;
        var fallback = Path.Combine(shipped, file);
        return File.Exists(fallback) ? fallback : own;
    }
}
