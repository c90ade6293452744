using System.Text.Json;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Import;

/// <summary>
/// The CSV export writes an apostrophe before a text that starts like a formula, so that a spreadsheet
/// shows it as text; the import takes it off again, so a listed file comes back as it went out,
/// and never stores the apostrophe in the ledger.
/// </summary>
public sealed class CsvFormulaGuardTests : IDisposable
{
    private readonly TempLedger _first = new();
    private readonly TempLedger _second = new();
    private readonly Infrastructure.Cli _cli = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private string Seed() => LedgerCsv.Write(_first.Folder, "seed.csv", "类别,届次,编号,标题,提出人,主办处室,交办日期",
    [
        "建议,十五届一次,0001,=SUM(1) 关于加强金融服务的建议,@张委员,综合处,2019-03-20",
        "建议,十五届一次,0002,+86 热线的建议,-李代表,综合处,2019-03-20",
        "建议,十五届一次,0003,'不是公式的引号,王代表,综合处,2019-03-20",
    ]);

    private async Task<string> ListAsync(TempLedger ledger, string name)
    {
        var path = Path.Combine(ledger.Folder, name);
        var result = await _cli.RunAsync("list", "--as-of", "2019-12-31", "--out", path, "--db", ledger.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        return path;
    }

    private async Task<Infrastructure.Cli.Result> ImportAsync(TempLedger ledger, string path)
    {
        await ledger.WithDivisionsAsync();
        return await _cli.RunAsync("import", "proposals", path, "--db", ledger.Path);
    }

    [Fact]
    public async Task AListedCsv_ImportsUnchanged_WithoutTheGuardsApostrophe()
    {
        Assert.Equal(0, (await ImportAsync(_first, Seed())).ExitCode);
        var listed = await ListAsync(_first, "listed.csv");
        Assert.Contains("'=SUM(1)", await File.ReadAllTextAsync(listed));

        var again = await ImportAsync(_first, listed);
        var elsewhere = await ImportAsync(_second, listed);
        var relisted = await ListAsync(_second, "relisted.csv");
        var json = await _cli.RunAsync("list", "--format", "json", "--db", _second.Path);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("added 0, changed 0, unchanged 3", again.Out);
        Assert.True(elsewhere.ExitCode == 0, elsewhere.Error);
        Assert.Equal(await File.ReadAllBytesAsync(listed), await File.ReadAllBytesAsync(relisted));
        using var items = JsonDocument.Parse(json.Out);
        var titles = items.RootElement.EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["=SUM(1) 关于加强金融服务的建议", "+86 热线的建议", "'不是公式的引号"], titles);
    }

    [Theory]
    [InlineData("'=1", "=1")]
    [InlineData("'+1", "+1")]
    [InlineData("'-1", "-1")]
    [InlineData("'@a", "@a")]
    [InlineData("'\ta", "\ta")]
    [InlineData("'\ra", "\ra")]
    [InlineData("'a", "'a")]
    [InlineData("'", "'")]
    [InlineData("''=1", "''=1")]
    [InlineData("=1", "=1")]
    public void OnlyAnApostropheBeforeAFormulaStart_IsTakenOff(string field, string read) =>
        Assert.Equal(read, Proposals.Worker.Import.CsvFormulaGuard.Undo(field));
}
