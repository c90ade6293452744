using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>What an import of the ledger of suggestions and proposals found and did.</summary>
/// <param name="Report">The problems and notes, as many as are listed, and how many there were.</param>
/// <param name="Outcome">The items added, changed and left alone (written only when <see cref="Ok"/> and committed).</param>
/// <param name="Rows">The data rows read.</param>
/// <param name="MissingYears">The years the items' dates were counted in without a published holiday schedule.</param>
/// <param name="AbsentColumns">The optional columns the file lacks (English names): their facts were kept as stored.</param>
internal sealed record ProposalImportResult(
    ImportReport Report, UpsertOutcome Outcome, int Rows, IReadOnlyCollection<int> MissingYears, IReadOnlySet<string> AbsentColumns)
{
    /// <summary>Open items without 签收日期: assigned more than Reminders:AcknowledgeWindowWorkingDays ago, they get no 签收 reminder.</summary>
    public int Unacknowledged { get; init; }

    /// <summary>Whether the file had no problem: only then may the transaction be committed.</summary>
    public bool Ok => Report.ProblemCount == 0;
}
