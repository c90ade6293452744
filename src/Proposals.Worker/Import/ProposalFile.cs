using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>Reads the ledger of suggestions and proposals (建议提案台账) from a .csv or .xlsx file.</summary>
public static class ProposalFile
{
    /// <summary>
    /// Reads and validates every row. An empty 办理期限 is computed from 交办日期 and
    /// <paramref name="limits"/> on <paramref name="calendar"/>; the co-divisions' input date always is.
    /// </summary>
    /// <param name="path">The .csv or .xlsx file.</param>
    /// <param name="knownDivisions">The names of the bureau's divisions; any other name is a problem.</param>
    /// <param name="calendar">The working-day calendar due dates are counted on.</param>
    /// <param name="limits">The time limits in months.</param>
    /// <returns>Every item, or every problem of every row.</returns>
    /// <exception cref="ImportFileException">The file cannot be read at all.</exception>
    public static ImportResult<Item> Read(
        string path, IReadOnlySet<string> knownDivisions, WorkingCalendar calendar, TimeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(knownDivisions);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);

        var sheet = LedgerSheet.Read(path);
        var header = HeaderMap.Find(sheet, ProposalColumns.All, path);
        var reader = new ProposalRow(knownDivisions, calendar, limits);
        var problems = new List<ImportProblem>();
        var items = new List<Item>();
        var firstRowOf = new Dictionary<ItemKey, int>();
        var unscheduled = new SortedSet<int>();

        foreach (var sheetRow in sheet.Where(r => r.Number > header.RowNumber && !r.IsEmpty))
        {
            var row = new LedgerRow(sheetRow, header, problems);
            var (key, item, lastCounted) = reader.Read(row);
            if (key is not null && !firstRowOf.TryAdd(key, row.Number))
            {
                row.Problem(ProposalColumns.Number,
                    $"编号重复: {CellText.Quote(key.Number)}（与第 {firstRowOf[key]} 行的 {key} 相同）");
            }
            else if (item is not null)
            {
                items.Add(item);
                unscheduled.UnionWith(calendar.MissingYears(item.AssignedOn, lastCounted));
            }
        }

        var notes = ImportNotes.Of(header).ToList();
        if (unscheduled.Count > 0)
        {
            // Until the State Council publishes a year's holidays, only weekends are known.
            notes.Add($"未载入 {string.Join("、", unscheduled)} 年的节假日安排，这些年份的期限只排除了周末");
        }

        return new ImportResult<Item>(problems.Count == 0 ? items : [], problems)
        {
            Notes = notes,
            AbsentColumns = ProposalColumns.All.Where(c => !header.Has(c)).Select(c => c.English).ToHashSet(StringComparer.Ordinal),
        };
    }
}
