using System.Globalization;
using System.Text;
using CsvHelper;

namespace Proposals.Worker.Import;

/// <summary>
/// Reads a CSV ledger as Excel writes it: UTF-8 with or without BOM ("CSV UTF-8"), or GB18030/GBK
/// (plain "CSV" on Chinese Windows); quoted fields may hold commas and line breaks.
/// </summary>
internal static class CsvSheet
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every record of the file; a record is one row as Excel shows it, even when it spans lines.</summary>
    public static IReadOnlyList<SheetRow> Read(string path)
    {
        var text = Decode(File.ReadAllBytes(path), path);
        var options = new CsvReaderOptions
        {
            // Excel writes commas whatever the locale's list separator; detection could be fooled
            // by the semicolons that separate co-divisions inside a field.
            Separator = ',',
            HasHeader = false,
            // Blank lines are rows in Excel; keeping them keeps the row numbers the user sees.
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        var rows = new List<SheetRow>();
        try
        {
            using var reader = CsvReader.Create(new StringReader(text), options);
            while (reader.Read())
            {
                var cells = new List<object?>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++) cells.Add(reader.GetString(i));
                rows.Add(new SheetRow(rows.Count + 1, cells));
            }
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException($"CSV 第 {rows.Count + 1} 行格式错误（引号不成对）: {path}: {e.Message}", e);
        }
        return rows;
    }

    /// <summary>BOM means UTF-8; bytes that decode as strict UTF-8 are UTF-8; anything else is GB18030.</summary>
    internal static string Decode(byte[] bytes, string path)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            try
            {
                return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
            }
            catch (DecoderFallbackException e)
            {
                throw new ImportFileException($"文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8: {path}", e);
            }
        }
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new ImportFileException($"不支持 UTF-16 编码的文件，请在 Excel 中另存为“CSV UTF-8(逗号分隔)”: {path}");
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // GB18030 is a superset of GBK and GB2312 and decodes any byte sequence.
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
