namespace Proposals.Worker.Import;

/// <summary>
/// What reading a ledger file gave: either every row, or every problem. A file with any problem
/// gives no rows, so that a half-correct ledger never reaches the database.
/// </summary>
/// <param name="Rows">The validated rows, in file order; empty when there are problems.</param>
/// <param name="Problems">Every problem of every row, in file order.</param>
public sealed record ImportResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>Whether the file had no problem.</summary>
    public bool Ok => Problems.Count == 0;

    /// <summary>Things worth telling that are not problems, such as columns that were ignored.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The optional columns the file does not have (English names): their facts are not in the file, not empty.</summary>
    public IReadOnlySet<string> AbsentColumns { get; init; } = new HashSet<string>();
}
