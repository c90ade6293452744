namespace Proposals.Worker.Import;

/// <summary>
/// Where each known column sits in a ledger file, found from its header row.
/// A bureau's sheet often carries a title row above the header (2018年建议提案办理台账),
/// so the header is the first row, among the first few, that names at least two known columns.
/// </summary>
internal sealed class HeaderMap
{
    private const int RowsSearched = 10;

    private readonly Dictionary<ColumnSpec, (int Index, string Written)> _columns;

    private HeaderMap(int rowNumber, Dictionary<ColumnSpec, (int, string)> columns, IReadOnlyList<string> unknown)
    {
        RowNumber = rowNumber;
        _columns = columns;
        UnknownColumns = unknown;
    }

    /// <summary>The row number of the header.</summary>
    public int RowNumber { get; }

    /// <summary>Headers that name no known column, as written; they are ignored.</summary>
    public IReadOnlyList<string> UnknownColumns { get; }

    /// <summary>Whether the file has the column.</summary>
    public bool Has(ColumnSpec column) => _columns.ContainsKey(column);

    /// <summary>The column's position, or -1 when the file does not have it.</summary>
    public int IndexOf(ColumnSpec column) => _columns.TryGetValue(column, out var c) ? c.Index : -1;

    /// <summary>The header as the file writes it; the Chinese name when the file lacks the column.</summary>
    public string HeaderOf(ColumnSpec column) => _columns.TryGetValue(column, out var c) ? c.Written : column.Chinese;

    /// <summary>Finds the header among <paramref name="rows"/>; throws when there is none or a required column is missing.</summary>
    public static HeaderMap Find(IReadOnlyList<SheetRow> rows, IReadOnlyList<ColumnSpec> specs, string path)
    {
        var candidates = rows.Where(r => !r.IsEmpty).Take(RowsSearched).ToList();
        if (candidates.Count == 0) throw new ImportFileException($"文件没有内容（缺少表头）: {path}");
        var header = candidates.FirstOrDefault(r => r.Cells.Count(c => specs.Any(s => s.Matches(CellText.Of(c)))) >= 2)
            ?? candidates[0];

        var columns = new Dictionary<ColumnSpec, (int, string)>();
        var unknown = new List<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var written = CellText.Of(header[i]);
            if (written.Length == 0) continue;
            var spec = specs.FirstOrDefault(s => s.Matches(written));
            if (spec is null)
            {
                unknown.Add(written);
                continue;
            }
            if (columns.TryGetValue(spec, out var first))
            {
                throw new ImportFileException(
                    $"第 {header.Number} 行表头中列 {spec} 出现了两次（\"{first.Item2}\" 和 \"{written}\"）: {path}");
            }
            columns[spec] = (i, written);
        }

        var missing = specs.Where(s => s.Required && !columns.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(
                $"第 {header.Number} 行表头缺少必需的列: {string.Join("、", missing)}: {path}");
        }
        return new HeaderMap(header.Number, columns, unknown);
    }
}
