namespace Proposals.Worker.Reporting;

/// <summary>The report formats by name.</summary>
internal static class ReportFormats
{
    /// <summary>Every format, the default (text) first.</summary>
    public static IReadOnlyList<IReportFormat> All { get; } =
    [
        new TextReportFormat(),
        new JsonReportFormat(),
        new CsvReportFormat(),
        new XlsxReportFormat(),
        new HtmlReportFormat(),
    ];

    /// <summary>The format called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No format has that name; the message lists the names.</exception>
    public static IReportFormat Get(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Unknown report format '{name}'; use one of: {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));

    /// <summary>The format a file name's extension names (.txt, .json, .csv, .xlsx, .html or .htm); null for any other.</summary>
    public static IReportFormat? ForFile(string path)
    {
        var extension = Path.GetExtension(path).TrimStart('.');
        if (string.Equals(extension, "htm", StringComparison.OrdinalIgnoreCase)) extension = "html";
        return All.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase));
    }
}
