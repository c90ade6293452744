using System.Text.Json;
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

    public void Dispose() => _ledger.Dispose();
}
