namespace Proposals.Worker.Reporting;

/// <summary>A report template that cannot be read, parsed or rendered; the message names the file and, where known, the line.</summary>
internal sealed class ReportTemplateException : Exception
{
    public ReportTemplateException(string source, int? line, string reason, Exception? inner = null)
        : base(line is { } l ? $"{source}, line {l}: {reason}" : $"{source}: {reason}", inner)
    {
        Source = source;
        Line = line;
    }

    /// <summary>The template's file path, or a name for a template given as text.</summary>
    public new string Source { get; }

    /// <summary>The line of the error, when the parser reports it.</summary>
    public int? Line { get; }
}
