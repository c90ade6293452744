using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Proposals.Worker.Import;

/// <summary>
/// Reads the first sheet of an xlsx ledger. Cells keep their type: text stays text (编号 "0012"),
/// date-formatted cells come as dates, other numbers as numbers.
/// </summary>
internal static class XlsxSheet
{
    /// <summary>Every row of the first sheet, numbered as the sheet numbers them.</summary>
    public static IReadOnlyList<SheetRow> Read(string path)
    {
        // Empty rows are kept, so that the n-th row read is the sheet's row n.
        var config = new OpenXmlConfiguration { IgnoreEmptyRows = false, FillMergedCells = false };
        try
        {
            using var stream = File.OpenRead(path);
            var rows = new List<SheetRow>();
            foreach (var row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: config))
            {
                rows.Add(new SheetRow(rows.Count + 1, ToCells((IDictionary<string, object?>)row)));
            }
            return rows;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or InvalidOperationException
                                      or NotSupportedException or KeyNotFoundException or ArgumentException)
        {
            throw new ImportFileException($"无法读取 Excel 文件（文件损坏或不是 .xlsx 格式）: {path}: {e.Message}", e);
        }
    }

    // MiniExcel keys a row's cells by column letters (A, B, ..., AA).
    private static List<object?> ToCells(IDictionary<string, object?> row)
    {
        var cells = new List<object?>();
        foreach (var (letters, value) in row)
        {
            var index = ColumnIndex(letters);
            while (cells.Count <= index) cells.Add(null);
            cells[index] = value;
        }
        return cells;
    }

    private static int ColumnIndex(string letters)
    {
        var n = 0;
        foreach (var c in letters) n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return n - 1;
    }
}
