using System.Text;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// The scheduled reports' files: the paragraph from the editable template, and each period's folder
/// under Reports:Directory (report.xlsx, report.html, report.json; paragraph.txt for a year's final report).
/// </summary>
internal sealed class ReportFiles(string templatesFolder, ReportOptions options)
{
    /// <summary>The paragraph for <paramref name="report"/>; the template is read each time, so an edit needs no restart.</summary>
    public string Paragraph(YearReport report) =>
        ParagraphRenderer.FromFile(Path.Combine(templatesFolder, "report", "paragraph.liquid")).Render(report);

    /// <summary>The folder of <paramref name="period"/>.</summary>
    public string FolderOf(ReportPeriod period) => Path.GetFullPath(Path.Combine(options.Directory, period.Code));

    /// <summary>Writes the period's files, replacing those of an earlier attempt; returns the folder.</summary>
    public string Write(RenderedReport rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var folder = FolderOf(rendered.Period);
        Directory.CreateDirectory(folder);
        Save(folder, "report.xlsx", rendered.Workbook);
        Save(folder, "report.html", Encoding.UTF8.GetBytes(rendered.Html));
        Save(folder, "report.json", rendered.Json);
        if (rendered.Period.Kind == ReportPeriodKind.Annual) Save(folder, "paragraph.txt", Encoding.UTF8.GetBytes(rendered.Paragraph + "\n"));
        return folder;
    }

    // Written aside and moved into place: someone opening the workbook never sees half a file.
    private static void Save(string folder, string name, byte[] bytes) => AtomicFile.Write(Path.Combine(folder, name), bytes);
}
