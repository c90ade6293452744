using System.Globalization;

namespace Proposals.Worker.Import;

/// <summary>The messages of a file that breaks one of the <see cref="ImportOptions"/> limits: each names the row, the column and the setting.</summary>
internal static class ImportLimits
{
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
}
