using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;
using Xunit.Abstractions;

namespace Proposals.Tests.Sweep;

/// <summary>
/// A server that takes a whole message and then never answers, or drops the connection before its
/// answer: the reminder may have been delivered, so it is marked uncertain, never sent again by itself,
/// and the sweep stops using that server, ends in bounded time and names what is still owed.
/// </summary>
public sealed class UncertainOutcomeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int DataLimit = 2;
    private TempLedger _ledger = null!;
    private readonly ScriptedSmtpServer _server = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse(SweepLedger.Day, System.Globalization.CultureInfo.InvariantCulture));

    public async Task InitializeAsync() => _ledger = await SweepLedger.CreateAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _ledger.Dispose();
    }

    private Infrastructure.Cli Cli(int? port = null)
    {
        var settings = SweepLedger.Smtp(port ?? _server.Port);
        settings["Mail:Smtp:TimeoutSeconds"] = "1";
        settings["Mail:Smtp:DataTimeoutSeconds"] = DataLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Infrastructure.Cli(settings, _clock);
    }

    private Task<Infrastructure.Cli.Result> SweepAsync() => Cli().RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path);

    private async Task<List<ReminderRecord>> RowsAsync() =>
        (await new ReminderStore(_ledger.Database).ListAsync(new ReminderQuery()).ToListAsync()).Select(r => r.Record).ToList();

    [Fact]
    public async Task ServerSilentAfterTheData_SweepEndsWithinTheDataLimit_ExitsOne_NamingWhatIsStillOwed()
    {
        _server.SilentAfterData = true;
        var clock = Stopwatch.StartNew();

        var result = await SweepAsync();

        output.WriteLine($"sweep against a server silent after the data (DataTimeoutSeconds={DataLimit}): {clock.Elapsed.TotalSeconds:0.0} s, exit {result.ExitCode}");
        Assert.Equal(1, result.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(DataLimit - 0.2), TimeSpan.FromSeconds(DataLimit + 15));
        // One message went out whole; the server was not used again.
        Assert.Equal(1, _server.DataReceived);
        Assert.Equal(1, _server.Connections);
        Assert.Contains("结果不明 uncertain", result.Out);
        Assert.Contains("uncertain 1", result.Out);
        var rows = await RowsAsync();
        var uncertain = Assert.Single(rows, r => r.State == ReminderState.Uncertain);
        var owed = Assert.Single(rows, r => r.State == ReminderState.Owed);
        Assert.Equal(0, owed.Attempts);
        Assert.NotNull(uncertain.MessageId);
        Assert.Contains($"did not reply within {DataLimit} s", uncertain.LastError, StringComparison.Ordinal);
        var owedName = owed.Division == "银行保险处" ? "0012  银行保险处" : "0027  金融服务处";
        Assert.Contains($"仍待发送 (still owed): ", result.Error);
        Assert.Contains(owedName, result.Error.Split('\n').Single(l => l.Contains("仍待发送 (still owed):", StringComparison.Ordinal)));
        Assert.Contains("reminders --state uncertain", result.Error);
    }

    // The lease (300 s) is shorter than the wait for the data's reply may be (DataTimeoutSeconds, 600 s by default):
    // while the message is out, its lease is renewed, so another sender finds nothing abandoned to send again.
    [Fact]
    public async Task WhileTheServerIsSilentAfterTheData_TheLeaseIsRenewed_AndNoOtherSenderTakesTheMessage()
    {
        _server.SilentAfterData = true;
        var settings = SweepLedger.Smtp(_server.Port);
        settings["Mail:Smtp:TimeoutSeconds"] = "1";
        settings["Mail:Smtp:DataTimeoutSeconds"] = "6";
        var sweep = new Infrastructure.Cli(settings, _clock).RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path);
        var waited = Stopwatch.StartNew();
        while (_server.DataReceived == 0 && waited.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        var batch = (await RowsAsync()).Where(r => r.State == ReminderState.Sending).Select(r => r.Id).ToList();
        Assert.NotEmpty(batch);

        // The lease's whole length passes while the server says nothing.
        _clock.Advance(TimeSpan.FromSeconds(301));
        while (waited.Elapsed < TimeSpan.FromSeconds(8)
               && (await RowsAsync()).Any(r => r.State == ReminderState.Sending && r.NextAttemptAt <= _clock.GetUtcNow()))
        {
            await Task.Delay(20);
        }
        var takenByAnother = await new ReminderStore(_ledger.Database, _clock).ClaimAsync(TimeSpan.FromSeconds(300), 10);
        var result = await sweep;

        Assert.Equal(1, _server.DataReceived);
        Assert.Empty(takenByAnother);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(await RowsAsync(), r => r.State == ReminderState.Uncertain);
    }

    [Fact]
    public async Task ServerSilentBeforeTheData_SweepEndsAfterOneCommandLimit_NothingCounted_EverythingStillOwed()
    {
        _server.SilentAtRecipients = true;
        var clock = Stopwatch.StartNew();

        var result = await SweepAsync();

        output.WriteLine($"sweep against a server silent at RCPT (TimeoutSeconds=1): {clock.Elapsed.TotalSeconds:0.0} s, exit {result.ExitCode}");
        Assert.Equal(1, result.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(15));
        Assert.Equal(1, _server.Connections);
        Assert.Contains("the server stopped answering", result.Error);
        Assert.Contains("still owed 2", result.Out);
        Assert.All(await RowsAsync(), r => Assert.Equal((ReminderState.Owed, 0), (r.State, r.Attempts)));
    }

    [Fact]
    public async Task ConnectionLostAfterTheData_IsUncertain_AndTheNextSweepDoesNotSendItAgain()
    {
        _server.HangUpAfterNextData = true;

        var first = await SweepAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await SweepAsync();

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("connection was lost after the message was sent", first.Out);
        // The second sweep sent only the reminder left owed; the uncertain one stays as it is.
        Assert.Equal(2, _server.DataReceived);
        Assert.Single(_server.Messages);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("sent 1, still owed 0", second.Out);
        var states = await SweepLedger.StatesAsync(_ledger);
        Assert.Equal((1L, 1L), (states[ReminderState.Uncertain.Code()], states[ReminderState.Sent.Code()]));
    }

    [Fact]
    public async Task ConnectionLostBeforeTheDataWasWritten_IsAnOrdinaryRetry_AndTheSweepGoesOn()
    {
        _server.HangUpDuringNextData = true;

        var result = await SweepAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sent 1, still owed 1", result.Out);
        var rows = await RowsAsync();
        Assert.DoesNotContain(rows, r => r.State == ReminderState.Uncertain);
        Assert.Equal(1, Assert.Single(rows, r => r.State == ReminderState.Owed).Attempts);
    }

    [Fact]
    public async Task Uncertain_IsListed_ThenResentOrDismissed_FromTheCommandLine()
    {
        _server.SilentAfterData = true;
        await SweepAsync();
        _server.SilentAfterData = false;
        var uncertainId = (await RowsAsync()).Single(r => r.State == ReminderState.Uncertain).Id;

        var listed = await Cli().RunAsync("reminders", "--state", "uncertain", "--format", "json", "--db", _ledger.Path);
        var dismissSent = await Cli().RunAsync("reminders", "dismiss", "--id", "999", "--db", _ledger.Path);
        var resent = await Cli().RunAsync("reminders", "resend", "--id", $"{uncertainId}", "--db", _ledger.Path);
        var resentAgain = await Cli().RunAsync("reminders", "resend", "--id", $"{uncertainId}", "--db", _ledger.Path);

        Assert.Equal(0, listed.ExitCode);
        using (var json = JsonDocument.Parse(listed.Out))
            Assert.Equal([uncertainId], json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(2, dismissSent.ExitCode);
        Assert.Contains("no reminder with this id", dismissSent.Error);
        Assert.Equal(0, resent.ExitCode);
        Assert.Single(_server.Messages);
        Assert.Equal(ReminderState.Sent, (await new ReminderStore(_ledger.Database).FindAsync(uncertainId))!.State);
        Assert.Equal(2, resentAgain.ExitCode);
        Assert.Contains("only an uncertain, failed, cancelled or dismissed reminder can be resent", resentAgain.Error);
    }

    [Fact]
    public async Task Uncertain_Dismissed_KeepsWhoAndWhy_AndIsNeverSent()
    {
        _server.SilentAfterData = true;
        await SweepAsync();
        _server.SilentAfterData = false;
        var uncertainId = (await RowsAsync()).Single(r => r.State == ReminderState.Uncertain).Id;

        var dismissed = await Cli().RunAsync("reminders", "dismiss", "--id", $"{uncertainId}", "--db", _ledger.Path);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var next = await SweepAsync();
        var listed = await Cli().RunAsync("reminders", "--state", "dismissed", "--format", "json", "--db", _ledger.Path);

        Assert.Equal(0, dismissed.ExitCode);
        Assert.Contains("sent 1, still owed 0", next.Out);
        var row = (await new ReminderStore(_ledger.Database).FindAsync(uncertainId))!;
        Assert.Equal(ReminderState.Dismissed, row.State);
        Assert.Contains("忽略 (dismissed)", row.LastError, StringComparison.Ordinal);
        Assert.Contains($"did not reply within {DataLimit} s", row.LastError, StringComparison.Ordinal);
        // The server got the uncertain message's data once, and the other reminder's; nothing more.
        Assert.Equal(2, _server.DataReceived);
        using var json = JsonDocument.Parse(listed.Out);
        Assert.Single(json.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task ADeadSendersBatch_IsLoggedOnce_NotOncePerReminder()
    {
        var down = await Cli(Ports.Free()).RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path);
        Assert.Equal(1, down.ExitCode);
        var dead = "deadhost:4242";
        await using (var connection = await _ledger.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE reminders SET state = 'sending', lease_owner = $owner";
            var owner = command.CreateParameter();
            owner.ParameterName = "$owner";
            owner.Value = $"{dead}:0123456789abcdef";
            command.Parameters.Add(owner);
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }
        var log = new LogCapture();
        var settings = SweepLedger.Smtp(_server.Port);
        settings["ConnectionStrings:Proposals"] = _ledger.Database.ConnectionString;
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_clock)
            .AddLogging(l => l.AddProvider(log))
            .AddProposals(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        await using var _ = services;
        _clock.Advance(TimeSpan.FromHours(1)); // the dead sender's lease has lapsed

        var calendar = await services.GetRequiredService<CalendarSource>().LoadAsync();
        var outcome = await services.GetRequiredService<ReminderDrain>().DrainAsync(new DateOnly(2019, 9, 30), calendar);

        Assert.Equal(2, outcome.Count(SendResult.Sent));
        var reclaimed = log.Lines.Where(l => l.Message.Contains("left in sending", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(reclaimed);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains($"2 reminder(s) held by {dead} were left in sending", line.Message, StringComparison.Ordinal);
    }
}
