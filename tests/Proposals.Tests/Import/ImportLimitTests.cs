using System.Text;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>
/// The hostile files that once went through: a cell of hundreds of megabytes packed into kilobytes,
/// a filled column at XFD, a 50 MB title, line breaks and escape codes where one line is expected.
/// Each is refused with its row and column; the big ones are made here, at run time.
/// </summary>
public sealed class ImportLimitTests : IDisposable
{
    private const string Header = "类别,届次,编号,标题,主办处室,交办日期";
    private readonly string _dir = Directory.CreateTempSubdirectory("import-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ImportResult<Item> Read(string path, ImportOptions? options = null) =>
        ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default, options);

    private string Csv(string name, params string[] lines) => LedgerCsv.Write(_dir, name, Header, lines);

    [Fact]
    public void ATitleOverTheFieldLimit_IsAProblemOfItsRowAndColumn()
    {
        var path = Csv("long.csv", $"建议,十五届一次,0001,{new string('题', 300)},综合处,2019-03-20");

        var result = Read(path, new ImportOptions { MaxFieldLength = 100 });

        Assert.Equal([new ImportProblem(2, "标题", "内容过长: 300 个字符，超过上限 100（Import:MaxFieldLength） (too long: 300 characters, over the limit of 100)")], result.Problems);
    }

    [Fact]
    public void AFiftyMegabyteTitle_StopsTheFileAtItsRowAndColumn()
    {
        var path = Path.Combine(_dir, "huge-title.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write(Header + "\r\n建议,十五届一次,0001,");
            XlsxRaw.Repeat(writer, 'x', 50L << 20);
            writer.Write(",综合处,2019-03-20\r\n");
        }

        var e = Assert.Throws<ImportFileException>(() => Read(path));

        Assert.StartsWith("CSV 第 2 行第 D 列过长", e.Message);
    }

    [Fact]
    public void AnXlsxCellOfAHundredMegabytesPackedIntoKilobytes_IsAProblemOfItsRowAndColumn()
    {
        var path = Path.Combine(_dir, "bomb.xlsx");
        XlsxRaw.Write(path, w =>
        {
            w.Write(XlsxRaw.Row(1, "类别", "届次", "编号", "标题", "主办处室", "交办日期"));
            w.Write("<row r=\"2\">" + XlsxRaw.Cell("A2", "建议") + XlsxRaw.Cell("B2", "十五届一次") + XlsxRaw.Cell("C2", "0001"));
            w.Write("<c r=\"D2\" t=\"inlineStr\"><is><t>");
            XlsxRaw.Repeat(w, 'x', 100L << 20);
            w.Write("</t></is></c>" + XlsxRaw.Cell("E2", "综合处") + XlsxRaw.Cell("F2", "2019-03-20") + "</row>");
        });
        Assert.True(new FileInfo(path).Length < 2 << 20, "the package is small, its cell is not");

        var result = Read(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "标题"), (problem.Row, problem.Column));
        Assert.StartsWith("内容过长: ", problem.Reason);
    }

    [Fact]
    public void AnXlsxSharedStringOverTheLimit_IsAProblemOfEachCellUsingIt()
    {
        var path = Path.Combine(_dir, "long-shared.xlsx");
        XlsxRaw.Write(path,
            w =>
            {
                w.Write(XlsxRaw.Row(1, "类别", "届次", "编号", "标题", "主办处室", "交办日期"));
                w.Write("<row r=\"2\">" + XlsxRaw.Cell("A2", "建议") + XlsxRaw.Cell("B2", "十五届一次") + XlsxRaw.Cell("C2", "0001") +
                        "<c r=\"D2\" t=\"s\"><v>0</v></c>" + XlsxRaw.Cell("E2", "综合处") + XlsxRaw.Cell("F2", "2019-03-20") + "</row>");
            },
            w =>
            {
                w.Write("<si><t>");
                XlsxRaw.Repeat(w, '题', 3_000_000);
                w.Write("</t></si>");
            });

        var result = Read(path);

        Assert.Equal([new ImportProblem(2, "标题", "内容过长: 3000000 个字符，超过上限 2000（Import:MaxFieldLength） (too long: 3000000 characters, over the limit of 2000)")], result.Problems);
    }

    [Fact]
    public void AnXlsxStringsTableLargerThanMemoryAllows_IsRefused()
    {
        var path = Path.Combine(_dir, "strings.xlsx");
        XlsxRaw.Write(path,
            w => w.Write(XlsxRaw.Row(1, "类别", "届次", "编号", "标题", "主办处室", "交办日期")),
            w =>
            {
                for (var i = 0; i < 20_000; i++) w.Write($"<si><t>第{i}个互不相同的标题文字</t></si>");
            });

        var e = Assert.Throws<ImportFileException>(() => Read(path, new ImportOptions { MaxFileMegabytes = 1 }));

        Assert.Contains("共享字符串超过", e.Message);
    }

    [Fact]
    public void AFilledCellAtXfd_StopsTheFile_NamingItsRowAndColumn()
    {
        var path = Path.Combine(_dir, "xfd.xlsx");
        XlsxRaw.Write(path, w =>
        {
            w.Write(XlsxRaw.Row(1, "类别", "届次", "编号", "标题", "主办处室", "交办日期"));
            for (var r = 2; r <= 101; r++)
            {
                w.Write(XlsxRaw.Row(r, "建议", "十五届一次", $"{r:D4}", "标题", "综合处", "2019-03-20")[..^6]);
                w.Write($"<c r=\"XFD{r}\" t=\"inlineStr\"><is><t>远处</t></is></c></row>");
            }
        });

        var e = Assert.Throws<ImportFileException>(() => Read(path));

        Assert.StartsWith("第 2 行第 XFD 列有内容，超出列数上限 256 (Import:MaxColumns)", e.Message);
    }

    [Fact]
    public void AStyledButEmptyCellAtXfd_IsExcelsDoing_AndIgnored()
    {
        var path = Path.Combine(_dir, "xfd-empty.xlsx");
        XlsxRaw.Write(path, w =>
        {
            w.Write(XlsxRaw.Row(1, "类别", "届次", "编号", "标题", "主办处室", "交办日期"));
            w.Write(XlsxRaw.Row(2, "建议", "十五届一次", "0001", "标题", "综合处", "2019-03-20")[..^6] + "<c r=\"XFD2\" s=\"0\"/></row>");
        });

        Assert.Single(Read(path).Rows);
    }

    [Fact]
    public void ACsvFieldPastTheColumnLimit_StopsTheFile_ButTrailingEmptyFieldsDoNot()
    {
        var empty = Csv("commas.csv", $"建议,十五届一次,0001,标题,综合处,2019-03-20{new string(',', 400)}");
        var filled = Csv("far.csv", $"建议,十五届一次,0001,标题,综合处,2019-03-20{new string(',', 300)}远处");

        Assert.Single(Read(empty).Rows);
        var e = Assert.Throws<ImportFileException>(() => Read(filled));
        Assert.StartsWith("第 2 行第 KT 列有内容，超出列数上限 256", e.Message);
    }

    [Fact]
    public void RowsPastMaxRows_StopTheFile()
    {
        var path = LedgerCsv.Many(_dir, "rows.csv", 3);

        var e = Assert.Throws<ImportFileException>(() => Read(path, new ImportOptions { MaxRows = 2 }));

        Assert.StartsWith("第 4 行超出行数上限: 最多导入 2 行 (Import:MaxRows)", e.Message);
    }

    [Fact]
    public void AFileOverMaxFileMegabytes_IsRefusedBeforeReading()
    {
        var path = LedgerCsv.Many(_dir, "big.csv", 40_000);

        var e = Assert.Throws<ImportFileException>(() => Read(path, new ImportOptions { MaxFileMegabytes = 1 }));

        Assert.StartsWith("文件过大: ", e.Message);
        Assert.Contains("Import:MaxFileMegabytes", e.Message);
    }

    [Fact]
    public void AnXlsxPartThatUnpacksPastTheLimit_IsRefused()
    {
        var path = Path.Combine(_dir, "unpacks.xlsx");
        XlsxRaw.Write(path, w =>
        {
            w.Write(XlsxRaw.Row(1, "类别", "届次", "编号", "标题", "主办处室", "交办日期"));
            for (var r = 2; r < 100_000; r++) w.Write($"<row r=\"{r}\"/>");
        });

        var e = Assert.Throws<ImportFileException>(() => Read(path, new ImportOptions { MaxUnpackedMegabytes = 1 }));

        Assert.Contains("解压后超过 1 MB (Import:MaxUnpackedMegabytes)", e.Message);
    }

    [Fact]
    public void EscapeCodesInATitle_AreRefused_AndTheMessageShowsThemWithoutSendingThem()
    {
        var path = Csv("escape.csv", "建议,十五届一次,0001,关于\u001b[2J\u001b]0;pwned\u0007的建议,综合处,2019-03-20");

        var problem = Assert.Single(Read(path).Problems);

        Assert.Equal((2, "标题"), (problem.Row, problem.Column));
        Assert.Contains("U+001B", problem.Reason);
        Assert.DoesNotContain('\u001b', problem.ToString());
    }

    [Theory]
    [InlineData("\"关于甲\n的建议\"", "标题")]
    [InlineData("标题,\"综合处\r\nBcc: x@example.org\"", "主办处室")]
    public void ALineBreakWhereOneLineIsExpected_IsRefused(string cells, string column)
    {
        var line = cells.Contains(',', StringComparison.Ordinal)
            ? $"建议,十五届一次,0001,{cells},2019-03-20"
            : $"建议,十五届一次,0001,{cells},综合处,2019-03-20";

        var problem = Assert.Single(Read(Csv("break.csv", line)).Problems);

        Assert.Equal((2, column), (problem.Row, problem.Column));
        Assert.StartsWith("不能含换行", problem.Reason);
    }

    [Fact]
    public void LineBreaksBetweenCoDivisions_AndInAReason_AreKept()
    {
        var path = LedgerCsv.Write(_dir, "lines.csv", "类别,届次,编号,标题,主办处室,协办处室,交办日期,延期至,延期原因",
            ["建议,十五届一次,0001,标题,综合处,\"法规处\n银行保险处\",2019-03-20,2019-08-20,\"情况复杂\n需协调\""]);

        var item = Assert.Single(Read(path).Rows);

        Assert.Equal(["法规处", "银行保险处"], item.CoDivisions);
        Assert.Equal("情况复杂\n需协调", item.Extension!.Reason);
    }

    [Fact]
    public void AHeaderWithALineBreak_StopsTheFile()
    {
        var path = LedgerCsv.Write(_dir, "header.csv", "类别,届次,编号,标题,主办处室,\"交办\n日期\"", ["建议,十五届一次,0001,标题,综合处,2019-03-20"]);

        var e = Assert.Throws<ImportFileException>(() => Read(path));

        Assert.StartsWith("第 1 行第 F 列的表头不能含换行", e.Message);
    }

    [Fact]
    public void ADivisionNameWithCrLf_IsRefused_AsAreEscapeCodesInAnAddress()
    {
        var path = LedgerCsv.Write(_dir, "divisions.csv", "处室,邮箱",
            ["\"综合处\r\nBcc: all@example.org\",zonghe@finance.example.org", "法规处,\"fagui\u001b@finance.example.org\""]);

        var result = DivisionFile.Read(path);

        Assert.Empty(result.Rows);
        Assert.Equal([(2, "处室"), (3, "邮箱")], result.Problems.Select(p => (p.Row, p.Column)));
        Assert.StartsWith("不能含换行", result.Problems[0].Reason);
        Assert.Contains("U+001B", result.Problems[1].Reason);
    }

    [Fact]
    public void ADivisionsFileKeepsTheLimitsToo()
    {
        var path = LedgerCsv.Write(_dir, "divisions-long.csv", "处室,邮箱", [$"{new string('处', 300)},a@finance.example.org"]);

        var result = DivisionFile.Read(path, new ImportOptions { MaxFieldLength = 100 });

        Assert.Equal([new ImportProblem(2, "处室", "内容过长: 300 个字符，超过上限 100（Import:MaxFieldLength） (too long: 300 characters, over the limit of 100)")], result.Problems);
    }
}
