namespace Proposals.Worker.Hosting;

/// <summary>Where the editable mail and report templates are (section <c>Templates</c>).</summary>
internal sealed class TemplateOptions
{
    /// <summary>The folder with mail/ and report/; empty for the one shipped beside the program.</summary>
    public string? Directory { get; set; }

    /// <summary>The folder in force, as a full path.</summary>
    public string Folder => Path.GetFullPath(Directory is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "templates"));

    /// <summary>The mail templates shipped beside the program, where a template missing from an own folder is taken from.</summary>
    public static string ShippedMail => Path.Combine(AppContext.BaseDirectory, "templates", "mail");

    /// <summary>The mail templates' folder.</summary>
    public string Mail => Path.Combine(Folder, "mail");

    /// <summary>The report paragraph's template.</summary>
    public string Paragraph => Path.Combine(Folder, "report", "paragraph.liquid");

    public IEnumerable<string> Validate()
    {
        if (!System.IO.Directory.Exists(Mail))
        {
            yield return $"Templates:Directory 下没有邮件模板文件夹 mail/ (Templates:Directory '{Folder}' has no mail/ folder of templates (expected the templates folder shipped beside the program))";
        }
    }
}
