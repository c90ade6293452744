using System.Globalization;

namespace Proposals.Worker.Import;

/// <summary>The messages of a file that breaks one of the <see cref="ImportOptions"/> limits: each names the row, the column and the setting.</summary>
internal static class ImportLimits
{
    /// <summary>The rows of an Excel sheet: no real .xlsx numbers a row past this.</summary>
    public const int ExcelRows = 1_048_576;

    /// <summary>The columns of an Excel sheet (A to XFD): no real row holds more cells.</summary>
    public const int ExcelColumns = 16_384;

    /// <summary>Refuses a file larger than <see cref="ImportOptions.MaxFileMegabytes"/> before reading any of it.</summary>
    /// <exception cref="ImportFileException">The file is too large.</exception>
    public static void CheckSize(string path, ImportOptions options)
    {
        var length = new FileInfo(path).Length;
        if (length <= options.MaxFileBytes) return;
        throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
            $"文件过大: {length / 1024.0 / 1024.0:0.#} MB，超过上限 {options.MaxFileMegabytes} MB (Import:MaxFileMegabytes) (file too large): {path}"));
    }

    /// <summary>A row that fills a column past <see cref="ImportOptions.MaxColumns"/>.</summary>
    public static ImportFileException TooManyColumns(string path, int row, int column, ImportOptions options) => new(
        $"第 {row} 行第 {ColumnLetters.Of(column)} 列有内容，超出列数上限 {options.MaxColumns} (Import:MaxColumns) (column past the limit): {path}");

    /// <summary>A data row past <see cref="ImportOptions.MaxRows"/>.</summary>
    public static ImportFileException TooManyRows(string path, int row, ImportOptions options) => new(
        $"第 {row} 行超出行数上限: 最多导入 {options.MaxRows} 行 (Import:MaxRows) (too many rows): {path}");

    /// <summary>A header cell that holds a control character or a line break.</summary>
    public static ImportFileException BadHeader(string path, int row, int column, TextRules.Refused why) => new(
        $"第 {row} 行第 {ColumnLetters.Of(column)} 列的表头{why.Chinese} (the header at row {row}, column {ColumnLetters.Of(column)}: {why.English}): {path}");

    /// <summary>A shared strings table with more entries than <see cref="ImportOptions.MaxSharedStrings"/>, empty ones counted.</summary>
    public static ImportFileException TooManySharedStrings(string path, string part, ImportOptions options) => Crafted(path, part,
        $"共享字符串超过 {options.MaxSharedStrings} 条 (Import:MaxSharedStrings)", $"more than {options.MaxSharedStrings} shared strings, the limit Import:MaxSharedStrings");

    /// <summary>A shared strings table with more characters than a quarter of <see cref="ImportOptions.MaxFileMegabytes"/> holds.</summary>
    public static ImportFileException SharedStringsTooLarge(string path, string part, long megabytes) => Crafted(path, part,
        $"共享字符串超过 {megabytes} MB（Import:MaxFileMegabytes 的四分之一）", $"the shared strings exceed {megabytes} MB, a quarter of Import:MaxFileMegabytes");

    /// <summary>A styles part with more cell styles than <see cref="ImportOptions.MaxStyles"/>.</summary>
    public static ImportFileException TooManyStyles(string path, string part, ImportOptions options) => Crafted(path, part,
        $"单元格样式 (cellXfs) 超过 {options.MaxStyles} 个 (Import:MaxStyles)", $"more than {options.MaxStyles} cell styles (cellXfs), the limit Import:MaxStyles");

    /// <summary>A styles part with more custom number formats than <see cref="ImportOptions.MaxNumberFormats"/>.</summary>
    public static ImportFileException TooManyNumberFormats(string path, string part, ImportOptions options) => Crafted(path, part,
        $"数字格式 (numFmt) 超过 {options.MaxNumberFormats} 个 (Import:MaxNumberFormats)", $"more than {options.MaxNumberFormats} number formats (numFmt), the limit Import:MaxNumberFormats");

    /// <summary>A sheet row numbered past Excel's last row.</summary>
    public static ImportFileException PastExcelRows(string path, string part, int row) => Crafted(path, part,
        $"第 {row} 行超出 Excel 的行数上限 {ExcelRows}", $"row {row} is past Excel's last row, {ExcelRows}");

    /// <summary>A sheet row with more cells than Excel has columns.</summary>
    public static ImportFileException PastExcelColumns(string path, string part, int row) => Crafted(path, part,
        $"第 {row} 行的单元格超过 Excel 的列数上限 {ExcelColumns}", $"row {row} has more cells than Excel's {ExcelColumns} columns");

    /// <summary>A part using more distinct XML names than any real one.</summary>
    public static ImportFileException TooManyNames(string path, string part, int limit) => Crafted(path, part,
        $"使用了超过 {limit} 个不同的 XML 名称", $"more than {limit} distinct XML names");

    // A part over a limit is refused before more of it is held: the file is damaged or made to fill memory.
    private static ImportFileException Crafted(string path, string part, string chinese, string english) => new(
        $"Excel 文件的 {part} 中{chinese}，文件损坏或是恶意构造的，未导入 (the part {part} has {english}: damaged or crafted, nothing imported): {path}");
}
