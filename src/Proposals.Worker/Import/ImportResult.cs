namespace Proposals.Worker.Import;

/// <summary>
/// What reading a ledger file gave: either every row, or every problem. A file with any problem
/// gives no rows, so that a half-correct ledger never reaches the database.
/// </summary>
/// <param name="Rows">The validated rows, in file order; empty when there are problems.</param>
/// <param name="Problems">The problems of the rows, in file order, as many as are listed.</param>
public sealed record ImportResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>Whether the file had no problem.</summary>
    public bool Ok => ProblemCount == 0;

    /// <summary>Every problem found, also those beyond the ones listed in <see cref="Problems"/>.</summary>
    public int ProblemCount { get; init; } = Problems.Count;

    /// <summary>The rows with at least one problem.</summary>
    public int ProblemRows { get; init; } = Problems.Select(p => p.Row).Distinct().Count();

    /// <summary>Things worth telling that are not problems, such as columns that were ignored.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The optional columns the file does not have (English names): their facts are not in the file, not empty.</summary>
    public IReadOnlySet<string> AbsentColumns { get; init; } = new HashSet<string>();
}
