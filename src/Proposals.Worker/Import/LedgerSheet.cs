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
            var old = extension is ".xls" or ".et";
            var hint = old ? "，请在 Excel 中另存为 .xlsx 或 .csv" : "";
            var english = old ? "; in Excel, save it as .xlsx or .csv" : "";
            throw new ImportFileException(
                $"不支持的文件类型 \"{extension}\"，只能导入 .csv 或 .xlsx{hint} (file type \"{extension}\" is not supported: only .csv or .xlsx{english}): {path}");
        }
        if (!File.Exists(path)) throw new ImportFileException($"文件不存在 (no such file): {path}");
        ImportLimits.CheckSize(path, options);
        return extension == ".csv" ? CsvSheet.Open(path, options) : XlsxSheet.Open(path, options);
    }
}
