using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>One output format of the yearly report (text, json, csv, xlsx, html).</summary>
internal interface IReportFormat
{
    /// <summary>The name given on the command line (<c>--format</c>).</summary>
    string Name { get; }

    /// <summary>The file extension, without the dot.</summary>
    string Extension { get; }

    /// <summary>Writes the report and its paragraph to <paramref name="output"/>, leaving the stream open.</summary>
    void Write(YearReport report, string paragraph, Stream output);
}
