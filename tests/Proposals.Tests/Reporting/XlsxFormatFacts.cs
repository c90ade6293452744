using System.Text;
using ExcelDataReader;
using Proposals.Worker.Reporting;

namespace Proposals.Tests.Reporting;

/// <summary>The workbook read back with ExcelDataReader, a library that did not write it.</summary>
public sealed class XlsxFormatFacts
{
    static XlsxFormatFacts() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Dictionary<string, List<object?[]>> ReadBack(Proposals.Domain.Rates.YearReport report) =>
        Schedule.ReportScenario.Sheets(Render.Bytes(new XlsxReportFormat(), report));

    [Fact]
    public void Workbook_HasTheSheetsWithChineseHeadings()
    {
        var sheets = ReadBack(Render.Ledger2019());
        Assert.Equal(["段落", "按类别", "按处室", "重点督办"], sheets.Keys);
        Assert.Equal(["类别", "主办", "已办复", "按期办复", "逾期未办复", "尚在期限内"], sheets["按类别"][0].Take(6).Cast<string>());
        Assert.Equal(["主办处室", "类别", "主办"], sheets["按处室"][0].Take(3).Cast<string>());
        Assert.Equal(["解决率", "A类占主办", "B类占主办", "C类占主办", "D类占主办", "A类占已办复"], sheets["按处室"][0][^6..].Cast<string>());
    }

    [Fact]
    public void Workbook_CarriesTheFigures_CountsAsNumbers()
    {
        var sheets = ReadBack(Render.Ledger2019());
        var byKind = sheets["按类别"];
        Assert.Equal(4, byKind.Count);
        Assert.Equal(["人大代表建议", 16.0, 11.0, 9.0, 2.0], byKind[1].Take(5));
        Assert.Equal(["合计", 24.0, 18.0, 14.0, 3.0], byKind[3].Take(5));
        // Rates are numbers; the cell's format shows them as percentages.
        Assert.Equal([0.6875, 0.5625, 0.8889, 0.3333, 0.8889, 0.3333, 0.3125, 0.3125, 0.1875, 0.125, 0.0625, 0.4545], byKind[1][^12..]);

        var byDivision = sheets["按处室"];
        Assert.Equal(7, byDivision.Count);
        Assert.Equal(["银行处", "政协提案", 2.0, 1.0], byDivision[6].Take(4));
        Assert.Equal(3, sheets["重点督办"].Count - 1);
    }

    [Fact]
    public void EmptyYear_KeepsTheHeadings_AndShowsDashForRates()
    {
        var sheets = ReadBack(Render.Empty2019());
        Assert.Equal(["段落", "按类别", "按处室"], sheets.Keys);
        Assert.Equal("—", sheets["按类别"][1][^1]);
        Assert.Equal("主办处室", sheets["按处室"][0][0]);
    }
}

/// <summary>The workbook checked against the Office Open XML schema, as Excel and WPS expect it.</summary>
public sealed class XlsxSchemaFacts
{
    [Fact]
    public void Workbook_IsValidOpenXml()
    {
        using var stream = new MemoryStream(Render.Bytes(new XlsxReportFormat(), Render.Ledger2019()));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator()
            .Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(["段落", "按类别", "按处室", "重点督办"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }
}

/// <summary>The paragraph's sheet and the rates' number format, read from the workbook's XML.</summary>
public sealed class XlsxContentFacts
{
    [Fact]
    public void ParagraphSheet_HoldsTheParagraph_InOneCell()
    {
        var sheets = Schedule.ReportScenario.Sheets(Render.Bytes(new XlsxReportFormat(), Render.Ledger2019(), "2019年承办……。"));
        Assert.Equal([["段落"], ["2019年承办……。"]], sheets["段落"].Select(r => r.Cast<string>().ToArray()));
    }

    [Fact]
    public void RateCells_AreNumbers_ShownAsPercentages()
    {
        using var stream = new MemoryStream(Render.Bytes(new XlsxReportFormat(), Render.Ledger2019()));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "按类别");
        var rows = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet
            .Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        var rate = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Last(); // A类占已办复 of 人大代表建议
        Assert.Equal("0.4545", rate.CellValue!.Text);
        Assert.True(rate.DataType is null || rate.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number);
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>()
            .ElementAt((int)rate.StyleIndex!.Value).NumberFormatId!.Value;
        var code = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == format).FormatCode!.Value;
        Assert.Equal("0.00%", code);
    }
}
