using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>Reads the ledger of suggestions and proposals (建议提案台账) from a .csv or .xlsx file without a database.</summary>
public static class ProposalFile
{
    /// <summary>
    /// Reads and checks every row as an import into an empty ledger would, keeping the items in
    /// memory (for a file of ordinary size; the import itself streams, see <see cref="ProposalImport"/>).
    /// An empty 办理期限 is computed from 交办日期 and <paramref name="limits"/> on <paramref name="calendar"/>.
    /// </summary>
    /// <param name="path">The .csv or .xlsx file.</param>
    /// <param name="knownDivisions">The names of the bureau's divisions; any other name is a problem.</param>
    /// <param name="calendar">The working-day calendar due dates are counted on.</param>
    /// <param name="limits">The time limits in months.</param>
    /// <param name="options">The limits the file must keep; the defaults when null.</param>
    /// <param name="allowRenumber">Whether a numeric 编号 cell is taken as written (<c>--allow-renumber</c>).</param>
    /// <returns>Every item, or the problems (as many as <see cref="ImportOptions.MaxProblemsReported"/>).</returns>
    /// <exception cref="ImportFileException">The file cannot be read at all.</exception>
    public static ImportResult<Item> Read(
        string path, IReadOnlySet<string> knownDivisions, WorkingCalendar calendar, TimeLimits limits, ImportOptions? options = null, bool allowRenumber = false)
    {
        ArgumentNullException.ThrowIfNull(knownDivisions);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);
        var ledger = new CheckOnlyLedger(collect: true);
        var import = new ProposalImport(new ProposalImportSettings(path, knownDivisions, calendar, limits, options ?? new ImportOptions(), allowRenumber));
        // The check-only ledger completes at once: nothing here waits.
        var result = import.RunAsync(ledger, CancellationToken.None).GetAwaiter().GetResult();
        var notes = result.Report.Notes.ToList();
        if (CalendarWarnings.Text(calendar, result.MissingYears) is { } warning) notes.Add(warning);
        return new ImportResult<Item>(result.Ok ? ledger.Collected : [], result.Report.Problems)
        {
            Notes = notes,
            AbsentColumns = result.AbsentColumns,
            ProblemCount = result.Report.ProblemCount,
            ProblemRows = result.Report.ProblemRows,
        };
    }
}
