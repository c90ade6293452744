using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>
/// Reads a 协办意见送达 cell: <c>处室:日期</c> pairs, separated as co-divisions are
/// (法规处:2019-07-20；综合处:2019/7/25), the colon half- or full-width.
/// </summary>
internal static class CoInputCell
{
    private static readonly char[] Colons = [':', '：'];

    /// <summary>The pairs in written order; a problem recorded for each part that is no pair, and for a division named twice.</summary>
    public static IReadOnlyList<CoInput> Read(LedgerRow row, ColumnSpec column)
    {
        var inputs = new List<CoInput>();
        foreach (var part in DivisionNames.Split(row.Text(column)))
        {
            // A date may carry a time (2019/7/20 0:00): the division is before the first colon.
            var at = part.IndexOfAny(Colons);
            var division = at > 0 ? CellText.Clean(part[..at]) : "";
            var date = at > 0 ? CellText.Clean(part[(at + 1)..]) : "";
            if (division.Length == 0 || !LedgerDate.TryParse(date, out var on))
            {
                row.Problem(column, $"应为“处室:日期”，如 法规处:2019-07-20: {CellText.Quote(part)} (expected division:date, such as 法规处:2019-07-20: {CellText.Quote(part)})");
                continue;
            }
            if (inputs.Any(i => i.Division == division))
            {
                row.Problem(column, $"处室写了两次: {CellText.Quote(division)} (division given twice: {CellText.Quote(division)})");
                continue;
            }
            inputs.Add(new CoInput(division, on));
        }
        return inputs;
    }
}
