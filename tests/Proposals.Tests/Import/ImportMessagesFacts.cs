using System.Text;
using System.Text.RegularExpressions;
using Proposals.Domain.Deadlines;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>
/// What an import tells a person is in the program's one form: Chinese first, then the English in
/// parentheses, as in <c>日期无效: "2019/2/30" (not a date: "2019/2/30")</c>; a file's message then
/// names the file.
/// </summary>
public sealed partial class ImportMessagesFacts : IDisposable
{
    private const string Header = "类别,届次,编号,标题,主办处室,协办处室,交办日期,办理期限,重点督办";
    private const string Good = "建议,十五届一次,0001,关于融资的建议,综合处,,2019-03-20,,";
    private readonly string _dir = Directory.CreateTempSubdirectory("import-messages-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("议案,十五届一次,0001,标题,综合处,,2019-03-20,,", "类别", "not a known kind: \"议案\"")]
    [InlineData("建议,十五届一次,0001,,综合处,,2019-03-20,,", "标题", "required, but empty)")]
    [InlineData("建议,十五届一次,0001,标题,外事处,,2019-03-20,,", "主办处室", "not a known division: \"外事处\")")]
    [InlineData("建议,十五届一次,0001,标题,综合处,综合处,2019-03-20,,", "协办处室", "the lead division cannot also be a co-division: \"综合处\")")]
    [InlineData("建议,十五届一次,0001,标题,综合处,,2019/2/30,,", "交办日期", "not a date: \"2019/2/30\")")]
    [InlineData("建议,十五届一次,0001,标题,综合处,,2019-03-20,2019-03-01,", "办理期限", "the due date is before the assignment date 2019-03-20: \"2019-03-01\")")]
    [InlineData("建议,十五届一次,0001,标题,综合处,,2019-03-20,,可能", "重点督办", "not yes or no: \"可能\"")]
    [InlineData("建议,十五届一次,0001,\"标\u001b题\",综合处,,2019-03-20,,", "标题", "a control character U+001B at character 2: remove it)")]
    [InlineData("建议,十五届一次,0001,\"标\n题\",综合处,,2019-03-20,,", "标题", "a line break at character 2: remove it")]
    public void ARowsProblem_IsInChinese_ThenInEnglish(string line, string column, string english)
    {
        var result = Read(LedgerCsv.Write(_dir, "row.csv", Header, [line]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, column), (problem.Row, problem.Column));
        AssertBilingual(problem.Reason, english);
        Assert.EndsWith(")", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberTwice_IsInChinese_ThenInEnglish()
    {
        var result = Read(LedgerCsv.Write(_dir, "twice.csv", Header, [Good, Good]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(
            new ImportProblem(3, "编号", "编号重复: \"0001\"（与第 2 行的 建议 十五届一次 0001 相同） (duplicate number: \"0001\", as in row 2)"),
            problem);
    }

    [Fact]
    public void TheNotes_AreInChinese_ThenInEnglish()
    {
        var result = Read(LedgerCsv.Write(_dir, "notes.csv", Header + ",备注", [Good + ",无"]));

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(["已忽略未识别的列: \"备注\" (unknown columns ignored: \"备注\")"], result.Notes);
    }

    [Theory]
    [InlineData("ledger.xls", "类别\n", "file type \".xls\" is not supported: only .csv or .xlsx; in Excel, save it as .xlsx or .csv)")]
    [InlineData("empty.csv", "\r\n\r\n", "the file is empty: no header row)")]
    [InlineData("missing.csv", "类别,届次,编号,标题,主办处室\n", "the header at row 1 lacks required column(s): assigned_on)")]
    [InlineData("kind-twice.csv", "类别,kind,届次,编号,标题,主办处室,交办日期\n", "column kind is in the header at row 1 twice: \"类别\" and \"kind\")")]
    [InlineData("header-break.csv", "类别,届次,编号,标题,主办处室,\"交办\n日期\"\n", "the header at row 1, column F: a line break at character 3: remove it")]
    [InlineData("quotes.csv", "类别,届次,编号,标题,主办处室,交办日期\n建议,十五届一次,0001,\"关于\"甲\"的建议,综合处,2019-03-20\n", "malformed CSV at row 2: a quote is not closed)")]
    [InlineData("ledger.xlsx", "类别,届次\n", "cannot read the Excel file")]
    public void AFilesProblem_IsInChinese_ThenInEnglish_ThenTheFile(string name, string text, string english)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

        var e = Assert.Throws<ImportFileException>(() => Read(path));

        AssertBilingual(e.Message, english);
        Assert.Contains("): " + path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsInChinese_ThenInEnglish_ThenTheFile()
    {
        var path = Path.Combine(_dir, "none.csv");

        var e = Assert.Throws<ImportFileException>(() => Read(path));

        Assert.Equal($"文件不存在 (no such file): {path}", e.Message);
    }

    [Fact]
    public void AUtf16File_IsInChinese_ThenInEnglish_ThenTheFile()
    {
        var path = Path.Combine(_dir, "utf16.csv");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("类别,届次\n")]);

        var e = Assert.Throws<ImportFileException>(() => Read(path));

        AssertBilingual(e.Message, "UTF-16 files are not supported; in Excel, save as \"CSV UTF-8 (Comma delimited)\")");
        Assert.EndsWith("): " + path, e.Message, StringComparison.Ordinal);
    }

    private static ImportResult<Proposals.Domain.Ledger.Item> Read(string path) =>
        ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default);

    // The English is the parenthesis that follows the Chinese; the Chinese may hold parentheses of its own (列名 (english_name)).
    private static void AssertBilingual(string message, string english)
    {
        var open = message.IndexOf(" (" + english, StringComparison.Ordinal);
        Assert.True(open > 0, $"no English \"({english}\" in: {message}");
        Assert.True(Chinese().IsMatch(message[..open]), $"no Chinese before the English: {message}");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
