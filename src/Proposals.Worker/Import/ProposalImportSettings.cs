using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;

namespace Proposals.Worker.Import;

/// <summary>What an import of the ledger of suggestions and proposals goes by.</summary>
/// <param name="Path">The .csv or .xlsx file.</param>
/// <param name="KnownDivisions">The names of the bureau's divisions; any other name is a problem.</param>
/// <param name="Calendar">The working-day calendar due dates are counted on.</param>
/// <param name="Limits">The time limits.</param>
/// <param name="Options">The limits a file must keep.</param>
/// <param name="AllowRenumber">Whether numbers Excel may have renumbered (a numeric cell, a number that lost leading zeros) are taken as written.</param>
/// <param name="FileWins">Whether the file's facts replace recorded ones they contradict (each replaced one kept in the history, undone).</param>
/// <param name="MaxExtensionMonths">Ledger:MaxExtensionMonths: an imported extension past it is accepted with a note.</param>
internal sealed record ProposalImportSettings(
    string Path, IReadOnlySet<string> KnownDivisions, WorkingCalendar Calendar, TimeLimits Limits, ImportOptions Options, bool AllowRenumber = false,
    bool FileWins = false, int? MaxExtensionMonths = null);
