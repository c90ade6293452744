using System.Text.Json;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Import;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempLedger _ledger = new();
    private readonly Infrastructure.Cli _cli = new();

    private static string Seeds(string file) => Path.Combine(RepositoryRoot.Path, "seeds", file);

    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "import", file);

    [Fact]
    public async Task Seeds_ImportThenListWithTheirDueDates()
    {
        var divisions = await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var items = await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);
        var list = await _cli.RunAsync("list", "--year", "2018", "--format", "json", "--db", _ledger.Path);

        Assert.Equal(0, divisions.ExitCode);
        Assert.Equal(0, items.ExitCode);
        Assert.Contains("added 9, changed 0, unchanged 0", items.Out);
        using var json = JsonDocument.Parse(list.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(6, rows.Count(r => r.GetProperty("kind").GetString() == "npc"));
        var first = rows.Single(r => r.GetProperty("number").GetString() == "0012");
        Assert.Equal("2018-03-20", first.GetProperty("assignedOn").GetString());
        Assert.Equal("2018-06-20", first.GetProperty("dueOn").GetString());
        foreach (var field in new[] { "kind", "session", "number", "title", "leadDivision", "coDivisions", "assignedOn", "dueOn", "repliedOn", "status" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"list --format json lacks {field}");
        }
        Assert.Equal(JsonValueKind.Array, first.GetProperty("coDivisions").ValueKind);
    }

    [Fact]
    public async Task ALedgerWithout签收日期_SaysHowManyOpenItemsHaveNone_AndTheSeedsSayNothing()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var seeds = await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);
        // A ledger kept elsewhere, imported mid-year: two open items and an answered one, none with 签收日期.
        var midYear = Path.Combine(_ledger.Folder, "mid-year.csv");
        await File.WriteAllTextAsync(midYear,
            "类别,届次,编号,标题,主办处室,交办日期,答复日期\r\n" +
            "建议,十五届二次,0101,关于优化营商环境的建议,金融服务处,2019-03-20,\r\n" +
            "建议,十五届二次,0102,关于支持科技金融的建议,银行保险处,2019-03-20,\r\n" +
            "建议,十五届二次,0103,关于发展普惠金融的建议,银行保险处,2019-03-20,2019-05-10\r\n");

        var dryRun = await _cli.RunAsync("import", "proposals", midYear, "--dry-run", "--db", _ledger.Path);
        var imported = await _cli.RunAsync("import", "proposals", midYear, "--db", _ledger.Path);

        Assert.DoesNotContain("没有签收日期", seeds.Out, StringComparison.Ordinal);
        Assert.Contains("2 open item(s) have no 签收日期", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("2 件未答复的事项没有签收日期", imported.Out, StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
    }

    [Fact]
    public async Task SameFileTwice_SecondChangesNothing()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);

        var again = await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("added 0, changed 0, unchanged 9", again.Out);
    }

    [Fact]
    public async Task BrokenFile_ExitsWith2_ListsEveryBadRow_AndWritesNothing()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var before = await _cli.RunAsync("list", "--format", "json", "--db", _ledger.Path);

        var broken = await _cli.RunAsync("import", "proposals", Fixture("proposals-bad.csv"), "--db", _ledger.Path);
        var after = await _cli.RunAsync("list", "--format", "json", "--db", _ledger.Path);

        Assert.Equal(2, broken.ExitCode);
        Assert.Matches(@"第\d+行 \[[^\]]+\] ", broken.Error);
        Assert.Contains("nothing was written", broken.Error);
        Assert.DoesNotContain("   at ", broken.Error);
        Assert.Equal(before.Out, after.Out);
        Assert.Equal("[]", after.Out.Trim());
    }

    [Fact]
    public async Task FileWithoutTheReplyColumns_KeepsTheRepliesOnRecord()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);
        // The assigning office's list: identity, title, lead division and assignment date only.
        var list = Path.Combine(_ledger.Folder, "assigned.csv");
        await File.WriteAllTextAsync(list,
            "类别,届次,编号,标题,主办处室,交办日期\r\n建议,十五届一次,0012,关于加大小微企业融资支持力度的建议,金融服务处,2018-03-20\r\n");

        var result = await _cli.RunAsync("import", "proposals", list, "--db", _ledger.Path);
        var listed = await _cli.RunAsync("list", "--format", "json", "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("added 0, changed 0, unchanged 1", result.Out);
        using var json = JsonDocument.Parse(listed.Out);
        var item = json.RootElement.EnumerateArray().Single(r => r.GetProperty("number").GetString() == "0012");
        Assert.Equal("2018-06-08", item.GetProperty("repliedOn").GetString());
        Assert.Equal(["银行保险处"], item.GetProperty("coDivisions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task MissingFile_ExitsWith2_WithAPlainMessage()
    {
        var result = await _cli.RunAsync("import", "proposals", Path.Combine(_ledger.Folder, "nope.csv"), "--db", _ledger.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task UnknownOption_ExitsWith2()
    {
        var result = await _cli.RunAsync("list", "--colour", "red");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--colour", result.Error);
    }

    [Fact]
    public async Task Seeds_ImportWithoutANoteAboutTheirRowNumberColumn()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);

        var items = await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);

        Assert.Equal(0, items.ExitCode);
        Assert.Equal("", items.Error);
    }

    [Theory]
    [InlineData("proposals", "类别,届次,编号,标题,主办处室,交办日期\r\n")]
    [InlineData("divisions", "处室,邮箱\r\n\r\n")]
    public async Task AFileWithOnlyAHeader_ExitsWith2_SayingThereIsNothingToImport(string what, string text)
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var path = Path.Combine(_ledger.Folder, "header-only.csv");
        await File.WriteAllTextAsync(path, text);

        var result = await _cli.RunAsync("import", what, path, "--db", _ledger.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing to import", result.Error);
    }

    [Fact]
    public async Task ANumberThatLostItsLeadingZeros_IsRefusedNamingTheStoredOne_UnlessAllowed()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);
        var path = Path.Combine(_ledger.Folder, "renumbered.csv");
        await File.WriteAllTextAsync(path, "类别,届次,编号,标题,主办处室,交办日期\r\n建议,十五届一次,12,关于加大小微企业融资支持力度的建议,金融服务处,2018-03-20\r\n");

        var refused = await _cli.RunAsync("import", "proposals", path, "--db", _ledger.Path);
        var allowed = await _cli.RunAsync("import", "proposals", path, "--db", _ledger.Path, "--allow-renumber");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("第2行 [编号] 编号 \"12\" 与已有的 \"0012\"", refused.Error);
        Assert.Contains("文本", refused.Error);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("added 1, changed 0, unchanged 0", allowed.Out);
    }

    [Fact]
    public async Task ANumericNumberCellInAnXlsx_IsRefused_UnlessAllowed()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var path = Path.Combine(_ledger.Folder, "numeric.xlsx");
        XlsxBuilder.Write(path, new Dictionary<uint, object?[]>
        {
            [1] = ["类别", "届次", "编号", "标题", "主办处室", "交办日期"],
            [2] = ["建议", "十五届一次", 12.0, "标题", "综合处", "2018-03-20"],
        });

        var refused = await _cli.RunAsync("import", "proposals", path, "--db", _ledger.Path);
        var allowed = await _cli.RunAsync("import", "proposals", path, "--db", _ledger.Path, "--allow-renumber");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("编号是数字单元格 \"12\"", refused.Error);
        Assert.Equal(0, allowed.ExitCode);
        Assert.NotNull(await new ItemStore(_ledger.Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "12")));
    }

    [Fact]
    public async Task AUtf8FileWithABadByte_ExitsWith2_NamingTheRow_AndWritesNothing()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);

        var result = await _cli.RunAsync("import", "proposals", Fixture("proposals-utf8-gbk-name.csv"), "--db", _ledger.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CSV 第 3 行第 E 列", result.Error);
        Assert.Null(await new ItemStore(_ledger.Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届二次", "0012")));
    }

    [Fact]
    public async Task ADueDateTypedOnADayOff_IsMoved_AndTheImportSaysSoForTheRow()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var path = Path.Combine(_ledger.Folder, "holiday.csv");
        await File.WriteAllTextAsync(path, "类别,届次,编号,标题,主办处室,交办日期,办理期限\r\n建议,十五届二次,0001,标题,综合处,2019-07-01,2019-10-01\r\n");

        var result = await _cli.RunAsync("import", "proposals", path, "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("第 2 行 [办理期限] 2019-10-01 不是工作日，按《民法典》第二百零三条顺延至 2019-10-08", result.Error);
        Assert.Equal(new DateOnly(2019, 10, 8), (await new ItemStore(_ledger.Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届二次", "0001")))!.Item.DueOn);
    }

    [Fact]
    public async Task AFileWithoutTheYearsColumns_KeepsTheirFactsOnRecord()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var full = Path.Combine(_ledger.Folder, "full.csv");
        await File.WriteAllTextAsync(full,
            "类别,届次,编号,标题,承办方式,主办处室,协办处室,交办日期,协办意见送达,答复日期,满意度,测评日期,重新答复日期,再次满意度,公开日期,退回原因\r\n" +
            "建议,十五届二次,0001,标题,主办,综合处,法规处,2019-03-20,法规处:2019-04-10,2019-05-10,不满意,2019-05-20,2019-06-10,满意,2019-06-15,\r\n" +
            "建议,十五届二次,0002,标题,协办,综合处,,2019-03-20,,2019-04-15,,,,,,\r\n");
        var bare = Path.Combine(_ledger.Folder, "bare.csv");
        await File.WriteAllTextAsync(bare, "类别,届次,编号,标题,主办处室,协办处室,交办日期\r\n建议,十五届二次,0001,标题,综合处,法规处,2019-03-20\r\n建议,十五届二次,0002,标题,综合处,,2019-03-20\r\n");

        var first = await _cli.RunAsync("import", "proposals", full, "--db", _ledger.Path);
        var again = await _cli.RunAsync("import", "proposals", bare, "--db", _ledger.Path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("added 2, changed 0, unchanged 0", first.Out);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("added 0, changed 0, unchanged 2", again.Out);
        var store = new ItemStore(_ledger.Database);
        var led = (await store.FindAsync(new ItemKey(ItemKind.Npc, "十五届二次", "0001")))!.Item;
        Assert.Equal([new CoInput("法规处", new DateOnly(2019, 4, 10))], led.CoInputs);
        Assert.Equal((new DateOnly(2019, 5, 20), new DateOnly(2019, 6, 10), Satisfaction.Satisfied), (led.EvaluatedOn!.Value, led.RerepliedOn!.Value, led.SecondSatisfaction!.Value));
        Assert.Equal(new DateOnly(2019, 6, 15), led.PublishedOn);
        Assert.Equal(BureauRole.Assisting, (await store.FindAsync(new ItemKey(ItemKind.Npc, "十五届二次", "0002")))!.Item.BureauRole);
    }

    [Fact]
    public async Task ProblemsPastTheSetting_AreCountedNotListed()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var cli = new Infrastructure.Cli(new Dictionary<string, string?> { ["Import:MaxProblemsReported"] = "2" });

        var result = await cli.RunAsync("import", "proposals", Fixture("proposals-bad.csv"), "--db", _ledger.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.Error.Split('\n').Count(l => l.Contains("行 [", StringComparison.Ordinal)));
        Assert.Contains("另有 15 个问题未列出", result.Error);
        Assert.Contains("17 problem(s) in 17 row(s); nothing was written", result.Error);
    }

    [Fact]
    public async Task CtrlC_StopsALargeImport_AndNothingIsWritten()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var path = LedgerCsv.Many(_ledger.Folder, "large.csv", 300_000);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var result = await _cli.RunAsync(cancel.Token, "import", "proposals", path, "--db", _ledger.Path);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("cancelled; nothing was written", result.Error);
        Assert.Null(await new ItemStore(_ledger.Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "000001")));
    }

    public void Dispose() => _ledger.Dispose();
}
