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
}
