using System.Text.RegularExpressions;
using Fluid;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// Writes the annual report's paragraph (办理结果情况) from an editable Liquid template, so the coordinator
/// can change the wording while the numbers always come from the figures.
/// </summary>
internal sealed partial class ParagraphRenderer
{
    /// <summary>Where the shipped template sits, relative to the program's folder.</summary>
    public static readonly string DefaultTemplatePath = Path.Combine("templates", "report", "paragraph.liquid");

    private static readonly FluidParser Parser = new();
    private readonly IFluidTemplate template;
    private readonly string source;

    /// <summary>Parses <paramref name="templateText"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ReportTemplateException">The template does not parse.</exception>
    public ParagraphRenderer(string templateText, string source)
    {
        ArgumentNullException.ThrowIfNull(templateText);
        this.source = source ?? throw new ArgumentNullException(nameof(source));
        if (!Parser.TryParse(templateText, out var parsed, out var error))
            throw new ReportTemplateException(source, LineOf(error), $"模板无法解析 (the template does not parse): {FirstLine(error)}");
        template = parsed;
    }

    /// <summary>Reads and parses the template file at <paramref name="path"/>.</summary>
    /// <exception cref="ReportTemplateException">The file is missing, unreadable, or does not parse.</exception>
    public static ParagraphRenderer FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportTemplateException(path, null, $"无法读取段落模板 (cannot read the paragraph template): {e.Message}", e);
        }
        return new ParagraphRenderer(text, path);
    }

    /// <summary>The shipped template beside the program (or an edited copy put in its place).</summary>
    public static ParagraphRenderer FromProgramFolder() =>
        FromFile(Path.Combine(AppContext.BaseDirectory, DefaultTemplatePath));

    /// <summary>The paragraph for <paramref name="report"/>, on one line.</summary>
    /// <exception cref="ReportTemplateException">The template uses a value the model does not have, or fails otherwise.</exception>
    public string Render(YearReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Strict: a misspelt variable or filter in an edited template must fail loudly, not print nothing.
        // Invariant: the host's culture (a Thai calendar, a comma for a decimal point) never reaches the paragraph.
        var options = new TemplateOptions { StrictVariables = true, StrictFilters = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture };
        var context = new TemplateContext(ParagraphModel.Of(report), options);
        string text;
        try
        {
            text = template.Render(context);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException or ParseException)
        {
            throw new ReportTemplateException(
                source, null, $"模板用到了报告中没有的值或过滤器, 可用的值列在随程序提供的模板开头 (the template uses a value or filter the report does not have ({FirstLine(e.Message)}); the values are listed at the top of the shipped template)", e);
        }
        // Line breaks in the template are layout: the paragraph is one line of running Chinese text.
        return LineBreak().Replace(text, "").Trim();
    }

    // Fluid appends the offending source after a line break; the position is already in the first line.
    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();

    private static int? LineOf(string error)
    {
        var m = Position().Match(error ?? "");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"[ \t]*\r?\n\s*")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
