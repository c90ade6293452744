using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Proposals.Tests.Import;

/// <summary>
/// Writes small xlsx workbooks the way Excel stores cells: text as shared strings, numbers as
/// numbers, dates as serial numbers with a date format. Made with OpenXml, not the reader under test.
/// </summary>
internal static class XlsxBuilder
{
    private const uint DateStyle = 1;

    /// <summary>Writes the first sheet with the given rows (by sheet row number), and a second sheet that must be ignored.</summary>
    public static void Write(string path, IReadOnlyDictionary<uint, object?[]> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                      new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            // Built-in number format 14 is Excel's short date (yyyy/m/d in a Chinese locale).
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();

        var sheets = new Sheets();
        workbook.Workbook.AppendChild(sheets);
        AddSheet(workbook, sheets, "台账", rows, strings.SharedStringTable);
        AddSheet(workbook, sheets, "说明", new Dictionary<uint, object?[]> { [1] = ["类别", "届次", "本页不是台账"] }, strings.SharedStringTable);
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, IReadOnlyDictionary<uint, object?[]> rows, SharedStringTable strings)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var (number, cells) in rows.OrderBy(r => r.Key))
        {
            var row = new Row { RowIndex = number };
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] is { } value) row.AppendChild(Cell($"{(char)('A' + i)}{number}", value, strings));
            }
            data.AppendChild(row);
        }
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Cell Cell(string reference, object value, SharedStringTable strings) => value switch
    {
        string s => new Cell
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            CellValue = new CellValue(SharedString(strings, s).ToString(CultureInfo.InvariantCulture)),
        },
        DateTime d => new Cell
        {
            CellReference = reference,
            StyleIndex = DateStyle,
            CellValue = new CellValue(d.ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        double x => new Cell { CellReference = reference, CellValue = new CellValue(x.ToString("R", CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"unsupported cell value {value.GetType()}", nameof(value)),
    };

    private static int SharedString(SharedStringTable strings, string text)
    {
        strings.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return strings.Count() - 1;
    }
}
