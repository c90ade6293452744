namespace Proposals.Worker.Import;

/// <summary>
/// One data row being read: gives the cells of known columns as text, dates and yes/no answers,
/// and records a problem for each value it cannot accept, so that one pass finds them all.
/// </summary>
internal sealed class LedgerRow
{
    private readonly SheetRow _row;
    private readonly HeaderMap _header;
    private readonly List<ImportProblem> _problems;
    private readonly int _problemsBefore;

    public LedgerRow(SheetRow row, HeaderMap header, List<ImportProblem> problems)
    {
        _row = row;
        _header = header;
        _problems = problems;
        _problemsBefore = problems.Count;
    }

    /// <summary>The row number the user sees.</summary>
    public int Number => _row.Number;

    /// <summary>Whether any problem was recorded for this row.</summary>
    public bool HasProblems => _problems.Count > _problemsBefore;

    /// <summary>The trimmed text of a column; "" when empty or when the file lacks the column.</summary>
    public string Text(ColumnSpec column) => CellText.Of(Raw(column));

    /// <summary>The text of a column that must have a value; null, with a problem recorded, when empty.</summary>
    public string? Required(ColumnSpec column)
    {
        var text = Text(column);
        if (text.Length > 0) return text;
        Problem(column, "必填项为空");
        return null;
    }

    /// <summary>The date in a column; null when empty (a problem when required) or invalid (a problem).</summary>
    public DateOnly? Date(ColumnSpec column, bool required = false)
    {
        var raw = Raw(column);
        var text = CellText.Of(raw);
        if (text.Length == 0)
        {
            if (required) Problem(column, "必填项为空");
            return null;
        }
        if (LedgerDate.TryRead(raw, out var date)) return date;
        Problem(column, $"日期无效: {CellText.Quote(text)}");
        return null;
    }

    /// <summary>A yes/no column; empty is no, an unknown word is a problem (and reads as no).</summary>
    public bool YesNo(ColumnSpec column)
    {
        var text = Text(column);
        if (Import.YesNo.Parse(text) is { } answer) return answer;
        Problem(column, $"无法识别的是/否: {CellText.Quote(text)}（应为 是 或 否）");
        return false;
    }

    /// <summary>Records a problem with a column of this row.</summary>
    public void Problem(ColumnSpec column, string reason) =>
        _problems.Add(new ImportProblem(Number, _header.HeaderOf(column), reason));

    private object? Raw(ColumnSpec column)
    {
        var index = _header.IndexOf(column);
        return index < 0 ? null : _row[index];
    }
}
