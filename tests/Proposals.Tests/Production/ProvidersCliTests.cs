using System.Text.Json;
using Npgsql;
using Proposals.Tests.Infrastructure;
using Proposals.Tests.Storage;
using Proposals.Tests.Sweep;

namespace Proposals.Tests.Production;

/// <summary>
/// The command line on PostgreSQL, chosen by Storage:Provider and ConnectionStrings:Proposals as a
/// deployment sets them: migrate, import, list, report and sweep against a database of its own.
/// Never skipped: without PROPOSALS_TEST_POSTGRES (set by ops/test.sh) every test fails saying so.
/// </summary>
public sealed class ProvidersCliTests : IAsyncLifetime
{
    private readonly PostgresLedger _postgres = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-providers-").FullName;
    private string _connectionString = "";

    public Task InitializeAsync()
    {
        _postgres.RequireAvailable();
        _connectionString = _postgres.NewDatabase().ConnectionString;
        return Task.CompletedTask;
    }

    private static string Seeds(string file) => Path.Combine(RepositoryRoot.Path, "seeds", file);

    private Dictionary<string, string?> OnPostgres(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Proposals"] = _connectionString,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Migrate_CreatesTheDatabase_AndASecondRunSaysUpToDate()
    {
        var cli = new Infrastructure.Cli(OnPostgres());

        var first = await cli.RunAsync("migrate");
        var second = await cli.RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("0001_ledger.sql", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("schema up to date", second.Out);
    }

    [Fact]
    public async Task CommandBeforeMigrate_ExitsWith2_SayingToRunMigrate()
    {
        var result = await new Infrastructure.Cli(OnPostgres()).RunAsync("list");

        // A schema that is behind is the user's to upgrade, with `proposals migrate`: exit 2, as README says.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("proposals migrate", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task ImportListAndReport_OnPostgres_GiveTheSeedLedgersFigures()
    {
        var cli = new Infrastructure.Cli(OnPostgres());
        Assert.Equal(0, (await cli.RunAsync("migrate")).ExitCode);

        var divisions = await cli.RunAsync("import", "divisions", Seeds("divisions.csv"));
        var items = await cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"));
        var list = await cli.RunAsync("list", "--year", "2018", "--format", "json");
        var report = await cli.RunAsync("report", "--year", "2018", "--format", "json");

        Assert.Equal(0, divisions.ExitCode);
        Assert.Equal(0, items.ExitCode);
        Assert.Contains("added 9, changed 0, unchanged 0", items.Out);
        Assert.Equal(0, list.ExitCode);
        using var listed = JsonDocument.Parse(list.Out);
        var rows = listed.RootElement.EnumerateArray().ToList();
        Assert.Equal(9, rows.Count);
        var first = rows.Single(r => r.GetProperty("number").GetString() == "0012");
        Assert.Equal("2018-03-20", first.GetProperty("assignedOn").GetString());
        Assert.Equal("2018-06-20", first.GetProperty("dueOn").GetString());
        Assert.All(rows, r => Assert.Matches(@"^2018-\d\d-\d\d$", r.GetProperty("dueOn").GetString()!));
        Assert.Equal(0, report.ExitCode);
        using var figures = JsonDocument.Parse(report.Out);
        var npc = figures.RootElement.GetProperty("kinds").GetProperty("npc");
        Assert.Equal(6, npc.GetProperty("assigned").GetInt32());
        Assert.Equal(6, npc.GetProperty("replied").GetInt32());
        Assert.Equal(1.0, npc.GetProperty("replyRate").GetDouble());
        Assert.Equal(3, figures.RootElement.GetProperty("kinds").GetProperty("cppcc").GetProperty("assigned").GetInt32());
    }

    [Fact]
    public async Task Sweep_OnPostgres_SendsOnce_AndTheSecondSweepSendsNothing()
    {
        await using var smtp = new ScriptedSmtpServer();
        var cli = new Infrastructure.Cli(OnPostgres(SweepLedger.Smtp(smtp.Port)));
        Assert.Equal(0, (await cli.RunAsync("migrate")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("import", "divisions", Seeds("divisions.csv"))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"))).ExitCode);

        // 2018-06-05: fifteen days before the 20 June due dates of 0012, 0027 and 0045; the co-divisions'
        // inputs are recorded in the seeds, so none of them is owed anything.
        var first = await cli.RunAsync("sweep", "--as-of", "2018-06-05T09:00:00+08:00");
        var received = smtp.Messages.Count;
        var second = await cli.RunAsync("sweep", "--as-of", "2018-06-05T09:00:00+08:00");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("sent 3, still owed 0, failed 0", first.Out);
        Assert.Equal(3, received);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("sent 0, still owed 0, failed 0", second.Out);
        Assert.Equal(3, smtp.Messages.Count);
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM reminders WHERE state = 'sent'"));
    }

    [Fact]
    public async Task DbPath_StillMeansSqlite_WhenTheSettingsSayPostgres()
    {
        var cli = new Infrastructure.Cli(OnPostgres());
        var file = Path.Combine(_folder, "ledger.db");

        var migrate = await cli.RunAsync("migrate", "--db", file);
        var import = await cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", file);
        var onPostgres = await cli.RunAsync("list");

        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("0001_ledger.sql", migrate.Out);
        Assert.Contains("sqlite", migrate.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, import.ExitCode);
        Assert.True(File.Exists(file), $"{file} was not created");
        // The PostgreSQL database named by the settings was never touched: it still needs migrating.
        Assert.Equal(2, onPostgres.ExitCode);
        Assert.Contains("proposals migrate", onPostgres.Error);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await _postgres.DropAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
