using System.Text;
using Proposals.Domain.Deadlines;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

public sealed class ImportFileErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("import-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static ImportFileException ReadFails(string path) =>
        Assert.Throws<ImportFileException>(() => ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default));

    [Fact]
    public void Read_Throws_WhenTheFileIsMissing()
    {
        var e = ReadFails(Path.Combine(_dir, "none.csv"));
        Assert.Contains("文件不存在", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ledger.txt", "\".txt\"")]
    [InlineData("ledger.xls", "另存为 .xlsx")]
    [InlineData("ledger", "只能导入 .csv 或 .xlsx")]
    public void Read_Throws_WhenTheFileIsNeitherCsvNorXlsx(string name, string expected)
    {
        var e = ReadFails(Write(name, "类别\n"u8.ToArray()));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TakesTheExtensionInAnyCase()
    {
        var path = Write("LEDGER.CSV", File.ReadAllBytes(Fixture("proposals-utf8.csv")));
        Assert.Equal(3, ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default).Rows.Count);
    }

    [Fact]
    public void Read_Throws_WhenTheFileHasNoHeader()
    {
        var e = ReadFails(Write("empty.csv", "\r\n\r\n"u8.ToArray()));
        Assert.Contains("缺少表头", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_NamingEveryMissingRequiredColumn()
    {
        var e = ReadFails(Fixture("proposals-missing-column.csv"));
        Assert.Contains("第 1 行表头缺少必需的列: 交办日期 (assigned_on)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_WhenAColumnAppearsTwice()
    {
        var e = ReadFails(Write("twice.csv", "类别,kind,届次,编号,标题,主办处室,交办日期\n"u8.ToArray()));
        Assert.Contains("出现了两次", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_OnUtf16()
    {
        var e = ReadFails(Write("utf16.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("类别,届次\n")).ToArray()));
        Assert.Contains("UTF-16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_OnUnbalancedQuotes()
    {
        var text = "类别,届次,编号,标题,主办处室,交办日期\n建议,十五届一次,0001,\"关于\"甲\"的建议,综合处,2019-03-20\n";
        var e = ReadFails(Write("quotes.csv", Encoding.UTF8.GetBytes(text)));
        Assert.StartsWith("CSV 第 2 行格式错误", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_OnAFileThatIsNoRealXlsx()
    {
        var e = ReadFails(Write("ledger.xlsx", "类别,届次\n"u8.ToArray()));
        Assert.Contains("无法读取 Excel 文件", e.Message, StringComparison.Ordinal);
    }
}
