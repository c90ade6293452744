namespace Proposals.Worker.Import;

/// <summary>
/// One data row being read: gives the cells of known columns as text, dates and yes/no answers,
/// and records a problem for each value it cannot accept, so that one pass finds them all. A cell
/// that is too long or holds a refused character is reported once, then reads as empty without
/// further problems (a required column does not also say it is empty).
/// </summary>
internal sealed class LedgerRow
{
    private const string Empty = "必填项为空 (required, but empty)";

    private readonly SheetRow _row;
    private readonly HeaderMap _header;
    private readonly List<ImportProblem> _problems;
    private readonly int _maxLength;
    private readonly string?[] _texts;
    private readonly bool[] _refused;

    public LedgerRow(SheetRow row, HeaderMap header, List<ImportProblem> problems, int maxLength)
    {
        _row = row;
        _header = header;
        _problems = problems;
        _maxLength = maxLength;
        _texts = new string?[header.Count];
        _refused = new bool[header.Count];
    }

    /// <summary>The row number the user sees.</summary>
    public int Number => _row.Number;

    /// <summary>Whether any problem was recorded for this row.</summary>
    public bool HasProblems { get; private set; }

    /// <summary>The trimmed text of a column; "" when empty, refused, or when the file lacks the column.</summary>
    public string Text(ColumnSpec column)
    {
        var slot = _header.SlotOf(column);
        if (slot < 0) return "";
        if (_texts[slot] is { } known) return known;
        var raw = _row[_header.IndexOf(column)];
        var text = raw is TooLongCell tooLong ? Refuse(slot, column, Long(tooLong.Length)) : CellText.Of(raw);
        if (text.Length > _maxLength) text = Refuse(slot, column, Long(text.Length));
        if (TextRules.Refusal(text, column.Kind) is { } why) text = Refuse(slot, column, why);
        return _texts[slot] = text;
    }

    /// <summary>Whether the column's cell was refused (too long, a refused character): it reads as empty.</summary>
    public bool Refused(ColumnSpec column)
    {
        var slot = _header.SlotOf(column);
        if (slot < 0) return false;
        Text(column);
        return _refused[slot];
    }

    /// <summary>The raw cell of a column (a number, a date, text); null when empty or when the file lacks the column.</summary>
    public object? Raw(ColumnSpec column)
    {
        var index = _header.IndexOf(column);
        return index < 0 ? null : _row[index];
    }

    /// <summary>The text of a column that must have a value; null, with a problem recorded, when empty.</summary>
    public string? Required(ColumnSpec column)
    {
        var text = Text(column);
        if (text.Length > 0) return text;
        if (!Refused(column)) Problem(column, Empty);
        return null;
    }

    /// <summary>The date in a column; null when empty (a problem when required) or invalid (a problem).</summary>
    public DateOnly? Date(ColumnSpec column, bool required = false)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            if (required && !Refused(column)) Problem(column, Empty);
            return null;
        }
        var raw = Raw(column);
        if (LedgerDate.TryRead(raw is string ? text : raw, out var date)) return date;
        Problem(column, $"日期无效: {CellText.Quote(text)} (not a date: {CellText.Quote(text)})");
        return null;
    }

    /// <summary>A yes/no column; empty is no, an unknown word is a problem (and reads as no).</summary>
    public bool YesNo(ColumnSpec column) => YesNoOrEmpty(column) ?? false;

    /// <summary>A yes/no column; null when empty, an unknown word is a problem (and reads as null).</summary>
    public bool? YesNoOrEmpty(ColumnSpec column)
    {
        var text = Text(column);
        if (text.Length == 0) return null;
        if (Import.YesNo.Parse(text) is { } answer) return answer;
        Problem(column, $"无法识别的是/否: {CellText.Quote(text)}（应为 是 或 否） (not yes or no: {CellText.Quote(text)}; expected 是/否 or yes/no)");
        return null;
    }

    /// <summary>Records a problem with a column of this row.</summary>
    public void Problem(ColumnSpec column, string reason)
    {
        HasProblems = true;
        _problems.Add(new ImportProblem(Number, _header.HeaderOf(column), reason));
    }

    private string Refuse(int slot, ColumnSpec column, string why)
    {
        _refused[slot] = true;
        Problem(column, why);
        return "";
    }

    private string Long(long length) => $"内容过长: {length} 个字符，超过上限 {_maxLength}（Import:MaxFieldLength） (too long: {length} characters, over the limit of {_maxLength})";
}
