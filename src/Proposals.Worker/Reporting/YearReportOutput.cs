using Proposals.Domain.Rates;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reporting;

/// <summary>
/// A year's report in one of its formats, as <c>proposals report --out FILE</c> writes it and the desk's
/// download serves it: the figures from the ledger and the paragraph from the editable template (read each time).
/// </summary>
internal static class YearReportOutput
{
    /// <summary>Writes the <paramref name="year"/>'s report as of <paramref name="asOf"/> in <paramref name="format"/> to <paramref name="stream"/>.</summary>
    public static async Task WriteAsync(ItemStore items, TemplateOptions templates, ReportOptions options, int year, DateOnly asOf, string format, Stream stream, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        var report = await YearReportSource.BuildAsync(items, year, asOf, options.Rates, cancel).ConfigureAwait(false);
        var paragraph = ParagraphRenderer.FromFile(templates.Paragraph).Render(report);
        ReportFormats.Get(format).Write(report, paragraph, stream);
    }
}
