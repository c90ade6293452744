namespace Proposals.Worker.Import;

/// <summary>Opens a ledger file (台账) by its extension, <c>.csv</c> or <c>.xlsx</c>, within the limits of <see cref="ImportOptions"/>.</summary>
internal static class LedgerSheet
{
    /// <summary>Opens the file for streaming its rows.</summary>
    /// <exception cref="ImportFileException">Missing, of another type, too large, or (CSV) in a refused encoding.</exception>
    public static ISheet Open(string path, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            var hint = extension is ".xls" or ".et" ? "，请在 Excel 中另存为 .xlsx 或 .csv" : "";
            throw new ImportFileException($"不支持的文件类型 \"{extension}\"，只能导入 .csv 或 .xlsx{hint}: {path}");
        }
        if (!File.Exists(path)) throw new ImportFileException($"文件不存在: {path}");
        ImportLimits.CheckSize(path, options);
        return extension == ".csv" ? CsvSheet.Open(path, options) : XlsxSheet.Open(path, options);
    }
}
