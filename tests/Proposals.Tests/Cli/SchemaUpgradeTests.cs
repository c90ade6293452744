using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Tests.Sweep;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;

namespace Proposals.Tests.Cli;

/// <summary>
/// Only <c>migrate</c> upgrades an existing ledger (and <c>run</c> its own SQLite file, saying so); the
/// other commands on an older schema stop with exit 2 naming <c>proposals migrate</c> and change
/// nothing; a missing ledger is created by <c>import</c>, in one line; a worker whose ledger is upgraded
/// under it stops at its next send.
/// </summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-schema-").FullName;
    private readonly Infrastructure.Cli _cli = new(clock: Infrastructure.Cli.At("2019-09-30"));

    private string Old()
    {
        var path = Path.Combine(_folder, "old.db");
        SchemaMigrator.Upgrade(LedgerDatabase.ForFile(path), null, "0001_ledger.sql");
        return path;
    }

    [Theory]
    [InlineData("list")]
    [InlineData("reminders")]
    [InlineData("sweep", "--dry-run")]
    [InlineData("report", "--year", "2019")]
    [InlineData("record", "ack", "--kind", "建议", "--session", "十五届一次", "--number", "0012", "--on", "2019-09-30")]
    [InlineData("reminders", "dismiss", "--id", "1")]
    [InlineData("import", "divisions", "seeds/divisions.csv")]
    public async Task OnAnOlderSchema_ExitsTwo_NamingMigrate_AndUpgradesNothing(params string[] command)
    {
        var path = Old();
        var args = command.Select(a => a.StartsWith("seeds/", StringComparison.Ordinal) ? Path.Combine(RepositoryRoot.Path, a) : a).ToList();

        var result = await _cli.RunAsync([.. args, "--db", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("proposals migrate", result.Error, StringComparison.Ordinal);
        Assert.Contains("0002_year_queue_desk.sql", result.Error, StringComparison.Ordinal);
        Assert.NotEmpty(SchemaMigrator.Pending(LedgerDatabase.ForFile(path)));
    }

    [Fact]
    public async Task Migrate_UpgradesIt_ListingEachMigration_ThenTheCommandsWork()
    {
        var path = Old();

        var migrated = await _cli.RunAsync("migrate", "--db", path);
        var listed = await _cli.RunAsync("reminders", "--db", path);

        Assert.Equal(0, migrated.ExitCode);
        Assert.Contains("0002_year_queue_desk.sql", migrated.Out, StringComparison.Ordinal);
        Assert.Empty(SchemaMigrator.Pending(LedgerDatabase.ForFile(path)));
        Assert.Equal(0, listed.ExitCode);
    }

    [Fact]
    public async Task Import_CreatesAMissingLedger_SayingSoInOneLine()
    {
        var path = Path.Combine(_folder, "new.db");

        var result = await _cli.RunAsync("import", "divisions", Path.Combine(RepositoryRoot.Path, "seeds", "divisions.csv"), "--db", path);

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.Contains("created the ledger", StringComparison.Ordinal));
        Assert.Contains("0001_ledger.sql", line, StringComparison.Ordinal);
        Assert.Empty(SchemaMigrator.Pending(LedgerDatabase.ForFile(path)));
    }

    [Fact]
    public async Task AWorkerWhoseLedgerIsMigratedUnderIt_StopsAtItsNextSend_AndSendsNothing()
    {
        using var ledger = await SweepLedger.CreateAsync();
        await using var server = new ScriptedSmtpServer();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(SweepLedger.Day, System.Globalization.CultureInfo.InvariantCulture));
        var down = await new Infrastructure.Cli(SweepLedger.Smtp(Ports.Free()), clock).RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", ledger.Path);
        Assert.Equal(1, down.ExitCode);
        var settings = SweepLedger.Smtp(server.Port);
        settings["ConnectionStrings:Proposals"] = ledger.Database.ConnectionString;
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddProposals(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        var watch = services.GetRequiredService<SchemaWatch>();
        // A newer program's `migrate`, as DbUp journals it.
        await using (var connection = await ledger.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO schemaversions (scriptname, applied) VALUES ('Proposals.Storage.Migrations.sqlite.0099_future.sql', '2030-01-01')";
            await command.ExecuteNonQueryAsync();
        }

        var calendar = await services.GetRequiredService<CalendarSource>().LoadAsync();
        var stopped = await Assert.ThrowsAsync<SchemaChangedException>(() =>
            services.GetRequiredService<ReminderDrain>().DrainAsync(new DateOnly(2019, 9, 30), calendar));

        Assert.Contains("newer program", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(stopped.Message, watch.StoppedBecause);
        Assert.Empty(server.Messages);
        Assert.Equal(2, (await SweepLedger.StatesAsync(ledger))["owed"]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
