using Microsoft.Extensions.Configuration;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Demo;
using Proposals.Worker.Hosting;

namespace Proposals.Tests.Cli;

/// <summary>
/// What a new coordinator meets in the first hour: help instead of a worker, a mistyped ledger
/// path named instead of a new empty ledger, settings on the command line, and a worker that says
/// when its mail never leaves the machine or its ledger is empty.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class FirstHourTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-first-hour-").FullName;
    private readonly Infrastructure.Cli _cli = new(clock: Infrastructure.Cli.At("2019-09-30"));

    private static readonly string[] Commands = ["import", "list", "deadline", "calendar", "migrate", "sweep", "report", "record", "reminders", "backup", "hash-password", "run"];

    [Theory]
    [InlineData]
    [InlineData("-h")]
    [InlineData("--help")]
    public async Task TheProgramAlone_ShowsTheCommands_AndStartsNothing(params string[] args)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var result = await _cli.RunAsync(patience.Token, args);

        Assert.Equal(0, result.ExitCode);
        Assert.False(patience.IsCancellationRequested, "the program kept running: it started something");
        Assert.DoesNotContain("Dashboard", result.Out, StringComparison.Ordinal);
        Assert.Contains("Commands:", result.Out, StringComparison.Ordinal);
        foreach (var command in Commands)
            Assert.Matches($@"(?m)^\s+{command}\b.*\S", result.Out);
        Assert.Contains("--Mail:Transport=smtp", result.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> ReadingCommands => new()
    {
        { ["list"] },
        { ["report", "--year", "2018"] },
        { ["reminders"] },
        { ["sweep", "--dry-run", "--as-of", "2019-09-30"] },
        { ["backup", "copy.db"] },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task ACommandThatReads_NeverCreatesALedger_AndNamesTheMissingFile(string[] command)
    {
        var typo = Path.Combine(_folder, "typo.db");

        var result = await _cli.RunAsync([.. command, "--db", typo]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(typo, result.Error, StringComparison.Ordinal);
        Assert.Contains("no ledger database here", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(typo), "a ledger was created");
        Assert.Equal("", result.Out);
    }

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task ACommandThatReads_NamesAFolderOrAFileThatIsNoLedger(string[] command)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "ledger-folder")).FullName;
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "序号,标题\n1,不是数据库\n");
        var empty = Path.Combine(_folder, "empty.db");
        await File.WriteAllBytesAsync(empty, []);

        var atFolder = await _cli.RunAsync([.. command, "--db", folder]);
        var atText = await _cli.RunAsync([.. command, "--db", text]);
        var atEmpty = await _cli.RunAsync([.. command, "--db", empty]);

        Assert.Equal((2, 2, 2), (atFolder.ExitCode, atText.ExitCode, atEmpty.ExitCode));
        Assert.Contains($"{folder}: 是文件夹", atFolder.Error, StringComparison.Ordinal);
        Assert.Contains($"{text}: 不是 SQLite 台账数据库", atText.Error, StringComparison.Ordinal);
        Assert.Contains($"{empty}: 是空文件", atEmpty.Error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(empty).Length);
        Assert.Equal("序号,标题\n1,不是数据库\n", await File.ReadAllTextAsync(text));
    }

    [Fact]
    public async Task Settings_OnTheCommandLine_AreTakenInBothForms_AnywhereAmongTheArguments()
    {
        using var ledger = new TempLedger();
        // Ledger:TimeZone decides what "today" is for `list`; a zone that does not exist is refused by name.
        var plain = await _cli.RunAsync("list", "--db", ledger.Path);
        var joined = await _cli.RunAsync("--Ledger:TimeZone=Mars/Olympus", "list", "--db", ledger.Path);
        var spaced = await _cli.RunAsync("list", "--Ledger:TimeZone", "Mars/Olympus", "--db", ledger.Path);
        var dangling = await _cli.RunAsync("list", "--db", ledger.Path, "--Ledger:TimeZone");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(2, joined.ExitCode);
        Assert.Contains("Mars/Olympus", joined.Error, StringComparison.Ordinal);
        Assert.Equal(2, spaced.ExitCode);
        Assert.Contains("Mars/Olympus", spaced.Error, StringComparison.Ordinal);
        Assert.Equal(2, dangling.ExitCode);
        Assert.Contains("--Ledger:TimeZone=VALUE", dangling.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WarnsThatMailStaysOnTheMachine_AndThatTheLedgerIsEmpty()
    {
        var outbox = Path.Combine(_folder, "outbox");
        var port = Ports.Free();
        var cli = new Infrastructure.Cli(new Dictionary<string, string?>
        {
            ["Dashboard:Urls"] = $"http://127.0.0.1:{port}",
            ["Mail:PickupDirectory"] = outbox,
            ["Reports:Directory"] = Path.Combine(_folder, "reports"),
        }, Infrastructure.Cli.At("2019-09-30"));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run = cli.RunAsync(stop.Token, "run", "--db", Path.Combine(_folder, "new.db"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilAnswersAsync(http, run);
        using var readyResponse = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var ready = await readyResponse.Content.ReadAsStringAsync();
        await stop.CancelAsync();
        var result = await run;

        Assert.Contains($"mail is only written to {outbox} and never leaves this machine", result.Error, StringComparison.Ordinal);
        Assert.Contains("Mail:From, Mail:Coordinator 仍是示例地址", result.Error, StringComparison.Ordinal);
        Assert.Contains("the ledger has no divisions", result.Error, StringComparison.Ordinal);
        Assert.Contains("the ledger has no suggestions or proposals", result.Error, StringComparison.Ordinal);
        Assert.Contains("never leaves this machine", ready, StringComparison.Ordinal);
        Assert.True(readyResponse.IsSuccessStatusCode, ready);
        Assert.Contains("\"status\": \"Degraded\"", ready, StringComparison.Ordinal);
        Assert.Contains("never leaves this machine", ready, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_AreNone_ForASmtpServer_RealAddresses_AndAFullLedger_NorInTheDemo()
    {
        var real = new MailOptions { Transport = "smtp", From = "综合处 <zhc@czj.gov.cn>", Coordinator = "zhc@czj.gov.cn" };
        var relayed = new MailOptions { Transport = "pickup", PickupRelayed = true, From = "zhc@czj.gov.cn", Coordinator = "zhc@czj.gov.cn" };
        var shipped = new MailOptions { From = "建议提案催办 <proposals@finance.example.org>", Coordinator = "zonghe@finance.example.org" };

        Assert.Empty(StartupWarnings.For(real, new LedgerSize(120, 9), RunMode.Real));
        Assert.Empty(StartupWarnings.For(relayed, new LedgerSize(120, 9), RunMode.Real));
        Assert.Empty(StartupWarnings.For(shipped, new LedgerSize(0, 0), RunMode.Demo));
        Assert.Equal(4, StartupWarnings.For(shipped, new LedgerSize(0, 0), RunMode.Real).Count);
        Assert.Single(StartupWarnings.For(real, new LedgerSize(0, 9), RunMode.Real));
    }

    [Fact]
    public void TheDemo_KeepsEveryFileUnderDataDemo_AndNeverUsesARealMailServer()
    {
        var settings = DemoLedger.Settings(null, Configuration([]));
        var given = new Dictionary<string, string?> { ["Mail:PickupDirectory"] = "/tmp/demo-outbox", ["Dashboard:Urls"] = "http://127.0.0.1:6001;http://[::1]:6001" };
        var chosen = DemoLedger.Settings(given, Configuration(given));
        var published = DemoLedger.Settings(null, Configuration(new() { ["Dashboard:PublicUrl"] = "https://proposals.bureau.example" }));

        Assert.StartsWith("data/demo/", DemoLedger.DatabasePath, StringComparison.Ordinal);
        Assert.Equal(("data/demo/outbox", "data/demo/reports"), (settings["Mail:PickupDirectory"], settings["Reports:Directory"]));
        Assert.Equal("pickup", settings["Mail:Transport"]);
        Assert.False(chosen.ContainsKey("Mail:PickupDirectory"));
        Assert.Equal("data/demo/reports", chosen["Reports:Directory"]);
        // The demo's reminders carry answer links that open on this machine.
        Assert.Equal("http://127.0.0.1:5080", settings["Dashboard:PublicUrl"]);
        Assert.Equal("http://127.0.0.1:6001", chosen["Dashboard:PublicUrl"]);
        Assert.False(published.ContainsKey("Dashboard:PublicUrl"));
    }

    private static Microsoft.Extensions.Configuration.IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    [Fact]
    public async Task CalendarImport_RefusesAScheduleWithNoDayOffInItsOwnYear_AndLoadsNothing()
    {
        using var ledger = new TempLedger();
        var file = Path.Combine(_folder, "2028.json");
        // A 2028 file that holds only the December before: the year is mislabelled, not loaded.
        await File.WriteAllTextAsync(file, """{"year": 2028, "papers": [], "days": [{"name": "元旦", "date": "2027-12-31", "isOffDay": true}]}""");

        var result = await _cli.RunAsync("calendar", "import", file, "--db", ledger.Path);
        var stored = await new CalendarStore(ledger.Database).AllAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the 2028 schedule lists no day off in 2028", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("已载入", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(stored, s => s.Year == 2028);
    }

    private static async Task WaitUntilAnswersAsync(HttpClient http, Task<Infrastructure.Cli.Result> run)
    {
        for (var i = 0; i < 600; i++)
        {
            if (run.IsCompleted) Assert.Fail($"the worker stopped early: {(await run).Error}");
            try
            {
                using var live = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (live.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail("the worker never answered /health");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
