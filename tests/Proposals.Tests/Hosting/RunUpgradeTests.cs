using Proposals.Storage;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Hosting;

/// <summary><c>proposals run</c> on an older SQLite ledger of its own: upgrades it and says so, in one line listing each migration.</summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class RunUpgradeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-run-upgrade-").FullName;

    [Fact]
    public async Task Run_UpgradesItsOwnSqliteFile_InOneLine_ListingEachMigration()
    {
        var path = Path.Combine(_folder, "ledger.db");
        var database = LedgerDatabase.ForFile(path);
        SchemaMigrator.Upgrade(database, null, "0001_ledger.sql");
        var cli = new Infrastructure.Cli(new Dictionary<string, string?>
        {
            ["Dashboard:Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Mail:PickupDirectory"] = Path.Combine(_folder, "outbox"),
            ["Reports:Directory"] = Path.Combine(_folder, "reports"),
        }, Infrastructure.Cli.At("2019-10-03"));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run = cli.RunAsync(stop.Token, "run", "--db", path);
        for (var i = 0; i < 600 && SchemaMigrator.Pending(database).Count > 0 && !run.IsCompleted; i++) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        var result = await run;

        Assert.Empty(SchemaMigrator.Pending(database));
        var line = Assert.Single(result.Error.Split('\n'), l => l.Contains("upgraded the ledger's schema", StringComparison.Ordinal));
        Assert.Contains("0002_year_queue_desk.sql", line, StringComparison.Ordinal);
        Assert.DoesNotContain("0001_ledger.sql", line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
