using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Cli;

/// <summary>
/// In December, with next year's schedule not out, a command says so once, in one line, however many of its
/// steps touch next year (here 2026-12-02; 2027 is estimated from the regulation).
/// </summary>
public sealed class CalendarWarningOnceTests : IDisposable
{
    private readonly TempLedger _ledger = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-warning-once-").FullName;
    private readonly Infrastructure.Cli _cli = new(clock: Infrastructure.Cli.At("2026-12-02"));

    private static string Seeds(string file) => Path.Combine(RepositoryRoot.Path, "seeds", file);

    [Theory]
    [InlineData("sweep", "--dry-run")]
    [InlineData("calendar", "show")]
    [InlineData("deadline", "--from", "2026-11-30", "--months", "3")]
    public async Task ACommand_SaysTheMissingYearOnce_InOneLine(params string[] command)
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);

        var result = await _cli.RunAsync([.. command, "--db", _ledger.Path]);

        Assert.Equal(0, result.ExitCode);
        var warnings = result.Error.Split(Environment.NewLine).Where(l => l.Contains("2027年", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(warnings);
        Assert.StartsWith("警告: 2027年的节假日安排尚未载入", line, StringComparison.Ordinal);
        Assert.True(line.Length < 200, $"{line.Length} characters: {line}");
    }

    [Fact]
    public async Task AnImport_OfItemsDueNextYear_SaysItOnce()
    {
        await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _ledger.Path);
        var file = Path.Combine(_folder, "late.csv");
        await File.WriteAllTextAsync(file,
            "类别,届次,编号,标题,提出人,主办处室,交办日期\n" +
            "建议,十五届一次,0101,关于年末交办事项的建议,王建华,金融服务处,2026-11-20\n" +
            "建议,十五届一次,0102,关于另一件年末交办事项的建议,李秀梅,综合处,2026-11-25\n");

        var result = await _cli.RunAsync("import", "proposals", file, "--db", _ledger.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(result.Error.Split(Environment.NewLine), l => l.Contains("2027年", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _ledger.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
