using Proposals.Domain.Rates;
using Proposals.Worker.Reporting;

namespace Proposals.Tests.Reporting;

internal static class Render
{
    public static byte[] Bytes(IReportFormat format, YearReport report, string paragraph = "段落。")
    {
        using var stream = new MemoryStream();
        format.Write(report, paragraph, stream);
        Assert.True(stream.CanWrite, $"{format.Name} closed the caller's stream");
        return stream.ToArray();
    }

    public static string Text(IReportFormat format, YearReport report, string paragraph = "段落。") =>
        new System.Text.UTF8Encoding(false).GetString(Bytes(format, report, paragraph)).TrimStart('\uFEFF');

    public static YearReport Ledger2019() =>
        YearReport.Build(YearLedgerFacts.Ledger2019(), 2019, new DateOnly(2019, 12, 31));

    public static YearReport Empty2019() => YearReport.Build([], 2019, new DateOnly(2019, 12, 31));
}
