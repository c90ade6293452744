using Proposals.Storage;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Cli;

/// <summary><c>proposals import ... --dry-run</c>: the whole preview, and nothing written, not even a new ledger.</summary>
public sealed class ImportDryRunTests : IDisposable
{
    private readonly TempLedger _ledger = new();
    private readonly Infrastructure.Cli _cli = new();

    private static string Seeds(string file) => Path.Combine(RepositoryRoot.Path, "seeds", file);

    [Fact]
    public async Task ADryRun_ListsEveryChange_AndWritesNothing_ThenTheImportWritesWhatItListed()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var edited = Path.Combine(_ledger.Folder, "edited.csv");
        await File.WriteAllTextAsync(edited, (await File.ReadAllTextAsync(Seeds("proposals-2018.csv")))
            .Replace("关于发展普惠金融服务县域经济的建议", "关于发展普惠金融的建议", StringComparison.Ordinal));
        await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _ledger.Path);

        var dry = await _cli.RunAsync("import", "proposals", edited, "--db", _ledger.Path, "--dry-run");
        var titleAfterDryRun = (await new ItemStore(_ledger.Database).FindAsync(new(Domain.Ledger.ItemKind.Npc, "十五届一次", "0027")))!.Item.Title;
        var real = await _cli.RunAsync("import", "proposals", edited, "--db", _ledger.Path);

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("更新 建议 十五届一次 0027: title: 关于发展普惠金融服务县域经济的建议 → 关于发展普惠金融的建议", dry.Out, StringComparison.Ordinal);
        Assert.Contains("预览 (dry run): 新增 0, 更新 1, 未变 8", dry.Out, StringComparison.Ordinal);
        Assert.Equal("关于发展普惠金融服务县域经济的建议", titleAfterDryRun);
        Assert.Contains("added 0, changed 1, unchanged 8", real.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADryRunOnNoLedger_CreatesNone()
    {
        var path = Path.Combine(_ledger.Folder, "none.db");

        var divisions = await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", path, "--dry-run");
        var items = await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", path, "--dry-run");

        Assert.Equal(0, divisions.ExitCode);
        Assert.Contains("新增 综合处: 邮箱 zonghe@finance.example.org", divisions.Out, StringComparison.Ordinal);
        Assert.Contains("新增 8", divisions.Out, StringComparison.Ordinal);
        // No divisions in a ledger that does not exist: every row names an unknown one, as without --dry-run.
        Assert.Equal(2, items.ExitCode);
        Assert.False(File.Exists(path));
    }

    public void Dispose() => _ledger.Dispose();
}
