using System.Globalization;
using System.Xml;

namespace Proposals.Worker.Import;

/// <summary>
/// Reads the first sheet of an xlsx ledger row by row from the packed file. Cells keep their type:
/// text stays text (编号 "0012"), date-formatted numbers come as dates, other numbers as numbers,
/// booleans as booleans. Only the shared strings are kept (see <see cref="XlsxStrings"/>). A cell over
/// the length limit comes as a <see cref="TooLongCell"/>; a filled cell past the column limit stops the file.
/// </summary>
internal sealed class XlsxSheet : ISheet
{
    private readonly XlsxPackage _package;
    private readonly string _path;
    private readonly ImportOptions _options;
    private int _previous;

    private XlsxSheet(XlsxPackage package, string path, ImportOptions options)
    {
        _package = package;
        _path = path;
        _options = options;
    }

    /// <summary>Opens the workbook and finds its first sheet.</summary>
    /// <exception cref="ImportFileException">Not an xlsx, or one without a sheet.</exception>
    public static XlsxSheet Open(string path, ImportOptions options) => Guarded(path, () => new XlsxSheet(XlsxPackage.Open(path, options), path, options));

    /// <inheritdoc />
    public IEnumerable<SheetRow> Rows(CancellationToken cancellationToken)
    {
        var (strings, styles, reader) = Guarded(_path, () =>
            (XlsxStrings.Read(_package, _options, cancellationToken), XlsxStyles.Read(_package, _options), _package.Read(_package.Sheet)));
        using (reader)
        {
            var cells = new Cells(strings, styles, _options.MaxFieldLength);
            _previous = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = Guarded(_path, () => NextRow(reader, cells));
                if (row is null) yield break;
                yield return row;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _package.Dispose();

    private SheetRow? NextRow(XmlReader reader, Cells cells)
    {
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            // Rows without r follow the one before; an xlsx leaves empty rows out.
            var number = Number(reader.GetAttribute("r")) ?? _previous + 1;
            if (number <= _previous) throw _package.Broken($"第 {number} 行出现在第 {_previous} 行之后", $"row {number} comes after row {_previous}");
            // Rows must rise, so this bounds the rows of a sheet, empty ones included, as Excel does.
            if (number > ImportLimits.ExcelRows) throw ImportLimits.PastExcelRows(_path, _package.Sheet, number);
            _previous = number;
            var values = new List<object?>();
            if (reader.IsEmptyElement) return new SheetRow(number, values);
            var depth = reader.Depth;
            var cellCount = 0;
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                {
                    // Empty cells past the column limit are skipped, not held; this bounds the time they take.
                    if (++cellCount > ImportLimits.ExcelColumns) throw ImportLimits.PastExcelColumns(_path, _package.Sheet, number);
                    ReadCell(reader, cells, number, values);
                }
                else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
                else if (!reader.Read()) throw _package.Broken("工作表在一行的中间结束", "the sheet ends inside a row");
            }
            return new SheetRow(number, values);
        }
        return null;
    }

    // Leaves the reader on the node after the cell.
    private void ReadCell(XmlReader reader, Cells cells, int row, List<object?> values)
    {
        var reference = reader.GetAttribute("r");
        var column = reference is null ? values.Count : ColumnLetters.IndexOf(reference);
        if (column < 0) column = int.MaxValue;
        var value = cells.Read(reader);
        if (column >= _options.MaxColumns)
        {
            // A styled but empty cell far to the right is Excel's doing, not the user's.
            if (value is not null && CellText.Of(value).Length > 0) throw ImportLimits.TooManyColumns(_path, row, Math.Min(column, 16_383), _options);
            return;
        }
        while (values.Count <= column) values.Add(null);
        values[column] = value;
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // ZipArchive and XmlReader report a broken package in their own exception types.
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            throw new ImportFileException($"无法读取 Excel 文件（文件损坏或不是 .xlsx 格式） (cannot read the Excel file: damaged, or not .xlsx): {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads one cell's value by its type (<c>t</c>) and style (<c>s</c>).</summary>
    private sealed class Cells(XlsxStrings strings, XlsxStyles styles, int maxLength)
    {
        private readonly XlsxText _text = new(maxLength);

        public object? Read(XmlReader reader)
        {
            var type = reader.GetAttribute("t");
            var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            _text.Clear();
            var hasValue = false;
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return null;
            }
            var depth = reader.Depth;
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "v")
                {
                    _text.AddElement(reader);
                    hasValue = true;
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "is")
                {
                    _text.AddRich(reader);
                    hasValue = true;
                }
                else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
                else if (!reader.Read()) throw new XmlException("the sheet ends inside a cell");
            }
            reader.Read();
            if (!hasValue) return null;
            if (_text.TooLong) return new TooLongCell(_text.Length);
            var raw = _text.Kept;
            return type switch
            {
                "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    ? strings.Get(index) ?? throw new XmlException($"shared string {index} does not exist")
                    : throw new XmlException("a shared string index is not a number"),
                "str" or "inlineStr" or "e" => new string(raw),
                "b" => raw is "1",
                "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : new string(raw),
                _ => Number(raw, styles.IsDate(style)),
            };
        }

        private static object Number(ReadOnlySpan<char> raw, bool isDate)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return new string(raw);
            // Excel's serial numbers run from 1900 to 9999-12-31 (2958465).
            return isDate && x >= 1 && x < 2958466 ? DateTime.FromOADate(x) : x;
        }
    }
}
