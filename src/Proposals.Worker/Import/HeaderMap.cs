namespace Proposals.Worker.Import;

/// <summary>
/// Where each known column sits in a ledger file, found from its header row.
/// A bureau's sheet often carries a title row above the header (2018年建议提案办理台账),
/// so the header is the first row, among the first few, that names at least two known columns.
/// </summary>
internal sealed class HeaderMap
{
    private const int RowsSearched = 10;

    private readonly Dictionary<ColumnSpec, (int Index, string Written, int Slot)> _columns;

    private HeaderMap(int rowNumber, Dictionary<ColumnSpec, (int, string, int)> columns, IReadOnlyList<string> unknown)
    {
        RowNumber = rowNumber;
        _columns = columns;
        UnknownColumns = unknown;
    }

    /// <summary>The row number of the header.</summary>
    public int RowNumber { get; }

    /// <summary>Headers that name no known column, as written; they are ignored.</summary>
    public IReadOnlyList<string> UnknownColumns { get; }

    /// <summary>How many known columns the file has.</summary>
    public int Count => _columns.Count;

    /// <summary>Whether the file has the column.</summary>
    public bool Has(ColumnSpec column) => _columns.ContainsKey(column);

    /// <summary>The column's position, or -1 when the file does not have it.</summary>
    public int IndexOf(ColumnSpec column) => _columns.TryGetValue(column, out var c) ? c.Index : -1;

    /// <summary>A number from 0 to <see cref="Count"/> - 1 for each column the file has, -1 for the others: where a row keeps what it read.</summary>
    public int SlotOf(ColumnSpec column) => _columns.TryGetValue(column, out var c) ? c.Slot : -1;

    /// <summary>The header as the file writes it; the Chinese name when the file lacks the column.</summary>
    public string HeaderOf(ColumnSpec column) => _columns.TryGetValue(column, out var c) ? c.Written : column.Chinese;

    /// <summary>The English names of the optional columns of <paramref name="specs"/> the file lacks.</summary>
    public IReadOnlySet<string> Absent(IEnumerable<ColumnSpec> specs) =>
        specs.Where(c => !c.Ignored && !Has(c)).Select(c => c.English).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Reads rows from <paramref name="rows"/> until the header is found among the first non-empty ones;
    /// returns it with the rows read after it, which come before the rest of <paramref name="rows"/>.
    /// </summary>
    /// <exception cref="ImportFileException">No header, a required column missing, a column twice, or a header with control characters.</exception>
    public static (HeaderMap Header, IReadOnlyList<SheetRow> After) Find(IEnumerator<SheetRow> rows, IReadOnlyList<ColumnSpec> specs, string path)
    {
        var read = new List<SheetRow>();
        var candidates = 0;
        while (candidates < RowsSearched && rows.MoveNext())
        {
            read.Add(rows.Current);
            if (!rows.Current.IsEmpty) candidates++;
        }
        var nonEmpty = read.Where(r => !r.IsEmpty).ToList();
        if (nonEmpty.Count == 0) throw new ImportFileException($"文件没有内容（缺少表头） (the file is empty: no header row): {path}");
        var header = nonEmpty.FirstOrDefault(r => r.Cells.Count(c => specs.Any(s => s.Matches(CellText.Of(c)))) >= 2)
            ?? nonEmpty[0];
        return (Map(header, specs, path), read.Where(r => r.Number > header.Number).ToList());
    }

    private static HeaderMap Map(SheetRow header, IReadOnlyList<ColumnSpec> specs, string path)
    {
        // Specs are singletons: looked up by reference, several times a cell, never hashed by their names.
        var columns = new Dictionary<ColumnSpec, (int, string, int)>(ReferenceEqualityComparer.Instance);
        var unknown = new List<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (header[i] is TooLongCell) throw ImportLimits.BadHeader(path, header.Number, i, new TextRules.Refused("过长", "too long"));
            var written = CellText.Of(header[i]);
            if (written.Length == 0) continue;
            // Headers end up in messages and notes: never a line break or an escape code there.
            if (TextRules.Why(written, CellKind.SingleLine) is { } why) throw ImportLimits.BadHeader(path, header.Number, i, why);
            var spec = specs.FirstOrDefault(s => s.Matches(written));
            if (spec is null)
            {
                unknown.Add(written);
                continue;
            }
            if (columns.TryGetValue(spec, out var first))
            {
                throw new ImportFileException(
                    $"第 {header.Number} 行表头中列 {spec} 出现了两次（\"{first.Item2}\" 和 \"{written}\"） " +
                    $"(column {spec.English} is in the header at row {header.Number} twice: \"{first.Item2}\" and \"{written}\"): {path}");
            }
            columns[spec] = (i, written, columns.Count);
        }

        var missing = specs.Where(s => s.Required && !columns.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(
                $"第 {header.Number} 行表头缺少必需的列: {string.Join("、", missing)} " +
                $"(the header at row {header.Number} lacks required column(s): {string.Join(", ", missing.Select(s => s.English))}): {path}");
        }
        return new HeaderMap(header.Number, columns, unknown);
    }
}
