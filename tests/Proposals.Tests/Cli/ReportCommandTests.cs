using System.Globalization;
using System.Text;
using System.Text.Json;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Cli;

/// <summary><c>proposals report</c> on a real SQLite ledger.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempLedger _ledger = new();
    private readonly Infrastructure.Cli _cli = new();

    static ReportCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Seeds(string file) => Path.Combine(RepositoryRoot.Path, "seeds", file);

    private string Out(string name) => Path.Combine(_ledger.Folder, name);

    private async Task ImportSeedsAsync()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path)).ExitCode);
    }

    // The seed year as each setting words it: the paragraph is pasted into the annual report unchanged, so it
    // is pinned whole. Seeds: 6 suggestions and 3 proposals, all replied on time; classes A 3/1, B 2/1, C 1/0,
    // D 0/1; evaluated 5 (4 满意, 1 基本满意) and 2 (1 and 1); no publication recorded.
    [Theory]
    [InlineData("",
        "2018年承办市十五届人大一次会议代表建议6件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的3件，占承办总数的50%，满意率（含基本满意）为100%。" +
        "承办市政协十四届一次会议提案3件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的1件，占承办总数的33.33%，满意率（含基本满意）为100%。" +
        "建议提案答复尚无公开记录。")]
    [InlineData("--Reports:CountBasicallySatisfied=false",
        "2018年承办市十五届人大一次会议代表建议6件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的3件，占承办总数的50%，满意率为80%，基本满意率为20%。" +
        "承办市政协十四届一次会议提案3件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的1件，占承办总数的33.33%，满意率为50%，基本满意率为50%。" +
        "建议提案答复尚无公开记录。")]
    [InlineData("--Reports:SolvedClasses=A,B",
        "2018年承办市十五届人大一次会议代表建议6件，已全部按期办理答复完毕，办复率为100%，所提问题解决或计划逐步解决的5件，占承办总数的83.33%，满意率（含基本满意）为100%。" +
        "承办市政协十四届一次会议提案3件，已全部按期办理答复完毕，办复率为100%，所提问题解决或计划逐步解决的2件，占承办总数的66.67%，满意率（含基本满意）为100%。" +
        "建议提案答复尚无公开记录。")]
    [InlineData("--Reports:Level=区",
        "2018年承办区十五届人大一次会议代表建议6件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的3件，占承办总数的50%，满意率（含基本满意）为100%。" +
        "承办区政协十四届一次会议提案3件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的1件，占承办总数的33.33%，满意率（含基本满意）为100%。" +
        "建议提案答复尚无公开记录。")]
    public async Task Seeds2018_PrintAParagraphToPaste_AsEachSettingWordsIt(string setting, string expected)
    {
        await ImportSeedsAsync();

        string[] args = ["report", "--year", "2018", "--db", _ledger.Path, .. setting.Length > 0 ? new[] { setting } : []];
        var result = await _cli.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Out.Split('\n')[0]);
    }

    [Fact]
    public async Task Seeds2018_SolvedClassesAB_GiveTheCombinedFigure_AgainstAOverReplied()
    {
        await ImportSeedsAsync();

        var result = await _cli.RunAsync("report", "--year", "2018", "--format", "json", "--db", _ledger.Path, "--Reports:SolvedClasses", "A,B");

        Assert.Equal(0, result.ExitCode);
        var total = JsonDocument.Parse(result.Out).RootElement.GetProperty("kinds").GetProperty("npc");
        Assert.Equal((0.8333, 0.5), (total.GetProperty("solvedRate").GetDouble(), total.GetProperty("classARate").GetDouble()));
    }

    [Theory]
    [InlineData("--Reports:Level=乡", "Reports:Level（本单位级别）须为级别用字之一", "(Reports:Level must be one of the level words")]
    [InlineData("--Reports:SolvedClasses=A,E", "Reports:SolvedClasses（计入解决率的答复类别）中的“E”不是答复类别", "(Reports:SolvedClasses names 'E', which is not a reply class")]
    [InlineData("--Reports:SolvedClasses=", "Reports:SolvedClasses（计入解决率的答复类别）须至少列出一个答复类别", "(Reports:SolvedClasses must name at least one reply class")]
    public async Task ABadSetting_StopsTheReport_NamingTheKey(string setting, string chinese, string english)
    {
        await ImportSeedsAsync();

        var result = await _cli.RunAsync("report", "--year", "2018", "--db", _ledger.Path, setting);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(chinese, result.Error, StringComparison.Ordinal);
        Assert.Contains(english, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("2018.xlsx", "xlsx")]
    [InlineData("2018.XLSX", "xlsx")]
    [InlineData("2018.json", "json")]
    [InlineData("2018.csv", "csv")]
    [InlineData("2018.htm", "html")]
    [InlineData("2018.txt", "text")]
    [InlineData("2018", "text")]
    public async Task OutWithoutFormat_FollowsTheExtension(string file, string expected)
    {
        await ImportSeedsAsync();

        var result = await _cli.RunAsync("report", "--year", "2018", "--out", Out(file), "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(Out(file));
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var found = bytes.AsSpan().StartsWith("PK"u8) ? "xlsx"
            : text.StartsWith('{') ? "json"
            : text.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal) ? "html"
            : text.StartsWith("主办处室,", StringComparison.Ordinal) ? "csv"
            : text.StartsWith("2018年承办", StringComparison.Ordinal) ? "text" : "unknown";
        Assert.Equal(expected, found);
        if (expected == "xlsx") Assert.Contains("段落", Reporting.Schedule.ReportScenario.Sheets(bytes).Keys);
    }

    [Theory]
    [InlineData("csv", "2018.xlsx")]
    [InlineData("text", "2018.json")]
    [InlineData("xlsx", "2018.csv")]
    public async Task ExtensionContradictingTheFormat_ExitsWith2_AndWritesNothing(string format, string file)
    {
        var result = await _cli.RunAsync("report", "--year", "2018", "--format", format, "--out", Out(file), "--db", _ledger.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format " + format, result.Error);
        Assert.False(File.Exists(Out(file)));
    }

    [Fact]
    public async Task UnknownExtension_NeedsAFormat()
    {
        var without = await _cli.RunAsync("report", "--year", "2018", "--out", Out("2018.pdf"), "--db", _ledger.Path);
        var with = await _cli.RunAsync("report", "--year", "2018", "--format", "text", "--out", Out("2018.pdf"), "--db", _ledger.Path);

        Assert.Equal(2, without.ExitCode);
        Assert.Contains(".pdf", without.Error);
        Assert.Equal(0, with.ExitCode);
        Assert.StartsWith("2018年", await File.ReadAllTextAsync(Out("2018.pdf")));
    }

    [Fact]
    public async Task Out_ReplacesTheFile_AndLeavesNoTemporaryFile()
    {
        await ImportSeedsAsync();
        await File.WriteAllTextAsync(Out("2018.json"), "旧文件");

        var result = await _cli.RunAsync("report", "--year", "2018", "--out", Out("2018.json"), "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Out("2018.json")));
        Assert.Equal(2018, json.RootElement.GetProperty("year").GetInt32());
        Assert.Empty(Directory.GetFiles(_ledger.Folder, "*.tmp"));
    }

    [Fact]
    public async Task ThaiHostCulture_KeepsTheYear2018()
    {
        await ImportSeedsAsync();
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // th-TH counts years in the Buddhist era: 2018 would show as 2561.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("th-TH");
            var text = await _cli.RunAsync("report", "--year", "2018", "--db", _ledger.Path);
            var json = await _cli.RunAsync("report", "--year", "2018", "--format", "json", "--db", _ledger.Path);
            var html = await _cli.RunAsync("report", "--year", "2018", "--format", "html", "--db", _ledger.Path);
            var csv = await _cli.RunAsync("report", "--year", "2018", "--format", "csv", "--db", _ledger.Path);

            Assert.All(new[] { text, json, html, csv }, r => Assert.Equal(0, r.ExitCode));
            Assert.All(new[] { text.Out, json.Out, html.Out, csv.Out }, o => Assert.DoesNotContain("2561", o));
            Assert.StartsWith("2018年承办", text.Out);
            Assert.Contains("\n2018年 截至2018-12-31\n", text.Out);
            Assert.Contains("\"asOf\": \"2018-12-31\"", json.Out);
            Assert.Contains("2018年人大代表建议和政协提案办理情况（截至2018-12-31）", html.Out);
            Assert.Contains(",100%,", csv.Out);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public async Task Json_CountsAssistingApart_AndRepliesPublishedInTheYear()
    {
        await _ledger.WithDivisionsAsync();
        await new ItemStore(_ledger.Database).UpsertAsync(
        [
            Items.Make("0001", "2019-03-01", "2019-06-03", replied: "2019-05-20", satisfaction: Satisfaction.Satisfied) with { PublishedOn = Items.D("2019-07-01") },
            Items.Make("0002", "2019-03-01", "2019-04-01", replied: "2019-03-25") with { BureauRole = BureauRole.Assisting },
            Items.Make("0003", "2019-10-15", "2020-01-15"),
            // Last year's item whose reply was published this year.
            Items.Make("0081", "2018-11-20", "2019-02-20", session: "十四届五次", replied: "2019-01-15") with { PublishedOn = Items.D("2019-02-10") },
        ]);

        var result = await _cli.RunAsync("report", "--year", "2019", "--format", "json", "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var npc = json.RootElement.GetProperty("kinds").GetProperty("npc");
        Assert.Equal(
            "assigned=2 replied=1 overdueOpen=0 openNotDue=1 assisting=1 assistingDelivered=1 published=2",
            string.Join(" ", new[] { "assigned", "replied", "overdueOpen", "openNotDue", "assisting", "assistingDelivered", "published" }
                .Select(n => $"{n}={npc.GetProperty(n).GetInt32()}")));
        Assert.Equal(0.5, npc.GetProperty("replyRate").GetDouble());
        Assert.Contains("尚在办理期限内", json.RootElement.GetProperty("paragraph").GetString());
    }

    public void Dispose() => _ledger.Dispose();
}
