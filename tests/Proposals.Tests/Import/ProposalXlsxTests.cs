using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

public sealed class ProposalXlsxTests : IDisposable
{
    private static readonly object?[] Header =
        ["类别", "届次", "编号", "标题", "主办处室", "协办处室", "交办日期", "办理期限", "答复日期", "答复类别", "满意度", "重点督办"];

    private readonly string _dir = Directory.CreateTempSubdirectory("import-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ImportResult<Item> Read(Dictionary<uint, object?[]> rows, bool allowRenumber = false)
    {
        var path = Path.Combine(_dir, "台账.xlsx");
        XlsxBuilder.Write(path, rows);
        return ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default, allowRenumber: allowRenumber);
    }

    // Row 1 is a title, row 2 the header, row 4 does not exist in the sheet at all; row 5's 编号 is a numeric cell.
    private ImportResult<Item> ReadGood() => Read(new()
    {
        [1] = ["2019年建议提案办理台账"],
        [2] = Header,
        [3] = ["建议", "十五届二次", "0012", "关于小微企业融资的建议", "金融服务处", "银行保险处、法规处",
               new DateTime(2019, 7, 1), null, new DateTime(2019, 9, 20).ToOADate(), "A", "满意", "是"],
        [5] = ["提案", "十四届二次", 12.0, "关于农村金融服务的提案", "银行保险处", null,
               "2019/3/20", new DateTime(2019, 6, 20), null, null, null, null],
    }, allowRenumber: true);

    [Fact]
    public void Read_TakesRealDateCells_SerialNumbers_AndDateText()
    {
        var result = ReadGood();

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        var (npc, cppcc) = (result.Rows[0], result.Rows[1]);
        Assert.Equal(D("2019-07-01"), npc.AssignedOn);
        Assert.Equal(D("2019-10-08"), npc.DueOn);
        Assert.Equal(D("2019-09-20"), npc.RepliedOn);
        Assert.Equal(D("2019-03-20"), cppcc.AssignedOn);
        Assert.Equal(D("2019-06-20"), cppcc.DueOn);
    }

    [Fact]
    public void Read_RefusesANumericNumberCell_SayingToFormatTheColumnAsText()
    {
        var result = Read(new()
        {
            [1] = Header,
            [2] = ["提案", "十四届二次", 12.0, "关于农村金融服务的提案", "银行保险处", null, "2019/3/20"],
        });

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "编号"), (problem.Row, problem.Column));
        Assert.Contains("数字单元格 \"12\"", problem.Reason);
        Assert.Contains("文本", problem.Reason);
        Assert.Contains("--allow-renumber", problem.Reason);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Read_KeepsNumbersStoredAsText_AndWritesNumericCellsPlainly_WhenRenumberingIsAllowed()
    {
        var result = ReadGood();

        Assert.Equal(new ItemKey(ItemKind.Npc, "十五届二次", "0012"), result.Rows[0].Key);
        Assert.Equal(new ItemKey(ItemKind.Cppcc, "十四届二次", "12"), result.Rows[1].Key);
        Assert.Equal(["银行保险处", "法规处"], result.Rows[0].CoDivisions);
        Assert.True(result.Rows[0].IsKey);
    }

    [Fact]
    public void Read_FindsTheHeaderBelowATitleRow_AndSaysSo()
    {
        Assert.Contains("表头在第 2 行，之前的行未导入 (the header is row 2; the rows above it were not imported)", ReadGood().Notes);
    }

    [Fact]
    public void Read_ReportsTheSheetsOwnRowNumbers()
    {
        var result = Read(new()
        {
            [1] = Header,
            [2] = ["建议", "十五届二次", "0001", "标题一", "外事处", null, new DateTime(2019, 7, 1)],
            [6] = ["建议", "十五届二次", "0002", "标题二", "综合处", null, "2019-02-30"],
            [7] = ["建议", "十五届二次", "0003", "标题三", "综合处", null, 0.0],
        });

        Assert.Empty(result.Rows);
        Assert.Equal(
        [
            new ImportProblem(2, "主办处室", "处室不在处室名单中: \"外事处\" (not a known division: \"外事处\")"),
            new ImportProblem(6, "交办日期", "日期无效: \"2019-02-30\" (not a date: \"2019-02-30\")"),
            new ImportProblem(7, "交办日期", "日期无效: \"0\" (not a date: \"0\")"),
        ], result.Problems);
    }

    [Fact]
    public void DivisionFile_ReadsXlsxToo()
    {
        var path = Path.Combine(_dir, "处室.xlsx");
        XlsxBuilder.Write(path, new Dictionary<uint, object?[]>
        {
            [1] = ["处室", "邮箱", "负责人邮箱"],
            [2] = ["综合处", "zonghe@finance.example.org", null],
        });

        var result = DivisionFile.Read(path);

        Assert.Equal([new Division("综合处", "zonghe@finance.example.org", null)], result.Rows);
    }
}
