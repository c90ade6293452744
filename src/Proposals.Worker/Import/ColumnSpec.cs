namespace Proposals.Worker.Import;

/// <summary>A column a ledger file may have, known by its Chinese or its English header.</summary>
/// <param name="Chinese">The header a bureau's Excel ledger uses (交办日期).</param>
/// <param name="English">The header an export or a script uses (assigned_on), matched case-insensitively.</param>
/// <param name="Required">Whether the file is unreadable without this column.</param>
/// <param name="Kind">What its text may hold besides printable characters.</param>
/// <param name="Ignored">A column ledgers carry that the import knows and leaves alone (序号), without a note.</param>
internal sealed record ColumnSpec(string Chinese, string English, bool Required = false, CellKind Kind = CellKind.SingleLine, bool Ignored = false)
{
    /// <summary>Whether a header cell names this column.</summary>
    public bool Matches(string header) =>
        string.Equals(header, Chinese, StringComparison.Ordinal)
        || string.Equals(header, English, StringComparison.OrdinalIgnoreCase);

    /// <summary>Both names, for messages: 交办日期 (assigned_on).</summary>
    public override string ToString() => $"{Chinese} ({English})";
}
