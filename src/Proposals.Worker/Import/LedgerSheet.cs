namespace Proposals.Worker.Import;

/// <summary>Opens a ledger file (台账) by its extension: <c>.csv</c> or <c>.xlsx</c>.</summary>
internal static class LedgerSheet
{
    /// <summary>Every row of the file, empty ones included so that row numbers stay those the user sees.</summary>
    public static IReadOnlyList<SheetRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            var hint = extension is ".xls" or ".et" ? "，请在 Excel 中另存为 .xlsx 或 .csv" : "";
            throw new ImportFileException($"不支持的文件类型 \"{extension}\"，只能导入 .csv 或 .xlsx{hint}: {path}");
        }
        if (!File.Exists(path)) throw new ImportFileException($"文件不存在: {path}");
        return extension == ".csv" ? CsvSheet.Read(path) : XlsxSheet.Read(path);
    }
}
