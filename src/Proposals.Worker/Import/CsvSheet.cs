using System.Text;
using CsvHelper;

namespace Proposals.Worker.Import;

/// <summary>
/// Reads a CSV ledger as Excel writes it, row by row from the file: UTF-8 with or without BOM
/// ("CSV UTF-8"), or GB18030/GBK (plain "CSV" on Chinese Windows, see <see cref="CsvEncoding"/>);
/// quoted fields may hold commas and line breaks. A cell over the length limit comes as a
/// <see cref="TooLongCell"/>; a filled column past the column limit stops the file.
/// </summary>
internal sealed class CsvSheet(string path, Encoding? encoding, ImportOptions options) : ISheet
{
    /// <summary>Opens the file, deciding its encoding first.</summary>
    /// <exception cref="ImportFileException">The encoding is refused.</exception>
    public static CsvSheet Open(string path, ImportOptions options) => new(path, CsvEncoding.Detect(path), options);

    /// <inheritdoc />
    public IEnumerable<SheetRow> Rows(CancellationToken cancellationToken)
    {
        var csv = new CsvReaderOptions
        {
            // Excel writes commas whatever the locale's list separator; detection could be fooled
            // by the semicolons that separate co-divisions inside a field.
            Separator = ',',
            HasHeader = false,
            // Blank lines are rows in Excel; keeping them keeps the row numbers the user sees.
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            Encoding = encoding,
            // A record is never buffered whole beyond what its cells may hold (4 bytes a character at
            // most), so that an unclosed quote or a 50 MB title fails fast instead of filling memory.
            MaxRecordSize = (int)Math.Min(int.MaxValue / 2, (long)options.MaxColumns * options.MaxFieldLength * 4 + 65_536),
        };
        using var reader = CsvReader.FromFile(path, csv);
        var number = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!reader.Read()) yield break;
            }
            catch (CsvFormatException e)
            {
                throw Unreadable(number + 1, e);
            }
            number++;
            yield return new SheetRow(number, Cells(reader, number));
        }
    }

    private object?[] Cells(CsvReader reader, int row)
    {
        var cells = new object?[Math.Min(reader.FieldCount, options.MaxColumns)];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var bytes = reader.GetSpan(i);
            if (i >= options.MaxColumns)
            {
                // Excel's CSV keeps the commas of once-used columns: only a filled one is past the limit.
                if (!bytes.Trim((byte)' ').IsEmpty) throw ImportLimits.TooManyColumns(path, row, i, options);
                continue;
            }
            // The bytes are UTF-8 (GB18030 is transcoded while read): never more characters than bytes.
            if (bytes.Length > options.MaxFieldLength && Encoding.UTF8.GetCharCount(bytes) is var length && length > options.MaxFieldLength)
            {
                cells[i] = new TooLongCell(length);
                continue;
            }
            cells[i] = CsvFormulaGuard.Undo(reader.GetString(i));
        }
        return cells;
    }

    private ImportFileException Unreadable(int row, CsvFormatException e)
    {
        var (column, bytes) = CsvLayout.LongFieldOf(path, row, (long)options.MaxFieldLength * 4);
        if (column >= 0)
        {
            return new ImportFileException(
                $"CSV 第 {row} 行第 {ColumnLetters.Of(column)} 列过长（{bytes} 字节，超过 {options.MaxFieldLength} 个字符的上限 Import:MaxFieldLength） " +
                $"(row {row}, column {ColumnLetters.Of(column)} is too long: {bytes} bytes, over the limit of {options.MaxFieldLength} characters): {path}", e);
        }
        return new ImportFileException($"CSV 第 {row} 行格式错误（引号不成对） (malformed CSV at row {row}: a quote is not closed): {path}: {e.Message}", e);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Each enumeration opens and closes the file itself.
    }
}
