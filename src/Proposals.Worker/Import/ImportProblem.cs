namespace Proposals.Worker.Import;

/// <summary>One thing wrong with one row of a ledger file, told so that the user can find and fix it.</summary>
/// <param name="Row">The row number the user sees in Excel or an editor: the header is row 1, the first data row 2.</param>
/// <param name="Column">The column's header as written in the file.</param>
/// <param name="Reason">What is wrong, in plain Chinese, with the offending value quoted.</param>
public sealed record ImportProblem(int Row, string Column, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"第 {Row} 行 [{Column}] {Reason}";
}
