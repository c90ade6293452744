using Proposals.Domain.Reminders;
using Proposals.Tests.Infrastructure;
using Proposals.Storage;

namespace Proposals.Tests.Sweep;

/// <summary>The sweep against a mail server that misbehaves as real ones do.</summary>
public sealed class SweepFaultTests : IAsyncLifetime
{
    private TempLedger _ledger = null!;
    private readonly ScriptedSmtpServer _server = new();
    // The sweep's day, and the clock leases and next attempts are counted on.
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(DateTimeOffset.Parse(SweepLedger.Day, System.Globalization.CultureInfo.InvariantCulture));

    public async Task InitializeAsync() => _ledger = await SweepLedger.CreateAsync();

    private Task<Infrastructure.Cli.Result> SweepAsync(int port, params string[] more) =>
        new Infrastructure.Cli(SweepLedger.Smtp(port), _clock).RunAsync(["sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path, .. more]);

    [Fact]
    public async Task OwedReminders_AreSentOnce_OverOneConnection()
    {
        var result = await SweepAsync(_server.Port);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, _server.Messages.Count);
        Assert.Equal(1, _server.Connections);
        Assert.Contains("0012  银行保险处  到期前1天 (before-1)", result.Out);
        Assert.Contains("0027  金融服务处  第1次督办 (overdue-1)", result.Out);
        Assert.Contains("sent 2, still owed 0, failed 0", result.Out);
        var overdue = _server.Messages.Single(m => m.Recipients.Contains("fuwu@finance.example.org"));
        Assert.Contains(SweepLedger.Coordinator, overdue.Recipients);
        var early = _server.Messages.Single(m => m.Recipients.Contains("yinbao@finance.example.org"));
        Assert.DoesNotContain(SweepLedger.Coordinator, early.Recipients);
    }

    [Fact]
    public async Task TheSameSweepTwice_SecondSendsNothing()
    {
        await SweepAsync(_server.Port);

        var again = await SweepAsync(_server.Port);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(2, _server.Messages.Count);
        Assert.Contains("sent 0", again.Out);
    }

    [Fact]
    public async Task ServerDown_LeavesEverythingOwed_ThenUp_SendsEachOnce()
    {
        var down = await SweepAsync(Ports.Free());

        Assert.Equal(1, down.ExitCode);
        Assert.Contains("still owed 2", down.Out);
        Assert.Equal(2, (await SweepLedger.StatesAsync(_ledger))[ReminderState.Owed.Code()]);

        var up = await SweepAsync(_server.Port);

        Assert.Equal(0, up.ExitCode);
        Assert.Equal(2, _server.Messages.Count);
        Assert.Equal(2, _server.Messages.Select(MessageId).Distinct().Count());
        Assert.Equal(2, (await SweepLedger.StatesAsync(_ledger))[ReminderState.Sent.Code()]);
    }

    [Fact]
    public async Task ServerThatRefusesTls_ThenFixed_GetsEveryReminderOnce_AndNoneFailed()
    {
        var broken = SweepLedger.Smtp(_server.Port);
        broken["Mail:Smtp:Security"] = "StartTls";

        var refused = await new Infrastructure.Cli(broken, _clock).RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path);
        var owed = await new ReminderStore(_ledger.Database).ListAsync(new ReminderQuery()).ToListAsync();
        var fixedUp = await SweepAsync(_server.Port);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("still owed 2", refused.Out);
        Assert.Contains("STARTTLS", refused.Error, StringComparison.OrdinalIgnoreCase);
        Assert.All(owed, r => Assert.Equal((ReminderState.Owed, 0), (r.Record.State, r.Record.Attempts)));
        Assert.Equal(0, fixedUp.ExitCode);
        Assert.Contains("sent 2, still owed 0, failed 0", fixedUp.Out);
        Assert.Equal(2, _server.Messages.Select(MessageId).Distinct().Count());
        Assert.Equal(2, _server.Messages.Count);
    }

    [Fact]
    public async Task PermanentRefusal_IsRecordedWithTheServersWords_OthersStillSent_NeverRetried()
    {
        _server.RefuseRecipient("yinbao@finance.example.org", "550 5.1.1 <yinbao@finance.example.org>: Recipient address rejected");

        var first = await SweepAsync(_server.Port);
        var second = await SweepAsync(_server.Port);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Recipient address rejected", first.Out);
        Assert.Single(_server.Messages);
        var states = await SweepLedger.StatesAsync(_ledger);
        Assert.Equal(1, states[ReminderState.Failed.Code()]);
        Assert.Equal(1, states[ReminderState.Sent.Code()]);
        Assert.Contains("failed 0", second.Out);
        Assert.Single(_server.Messages);
    }

    //  A 451 counts as one failed attempt; the reminder waits a minute, then goes out:
    //
    //   09:00 sweep: 451 x2, still owed 2    09:00:30 sweep: not yet due    09:01 sweep: sent 2
    [Fact]
    public async Task TemporaryRefusal_StaysOwed_AndGoesOutOnceItsNextAttemptComes()
    {
        _server.DataReply = "451 4.3.0 Try again later";
        var refused = await SweepAsync(_server.Port);
        _server.DataReply = "250 2.0.0 Ok: queued";

        _clock.Advance(TimeSpan.FromSeconds(30));
        var early = await SweepAsync(_server.Port);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var next = await SweepAsync(_server.Port);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("451", refused.Out);
        Assert.Contains("still owed 2", refused.Out);
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("sent 0, still owed 2", early.Out);
        Assert.Equal(0, next.ExitCode);
        Assert.Contains("sent 2", next.Out);
        Assert.Equal(2, _server.Messages.Select(MessageId).Distinct().Count());
    }

    [Fact]
    public async Task ServerThatRefusesEveryMessageForAWhile_EndsFailed_AfterTheAttemptsAllowed()
    {
        _server.DataReply = "451 4.3.0 Try again later";
        var settings = SweepLedger.Smtp(_server.Port);
        settings["Reminders:MaxAttempts"] = "3";
        var cli = new Infrastructure.Cli(settings, _clock);

        var runs = new List<Infrastructure.Cli.Result>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await cli.RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path));
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal([1, 1, 0], runs.Select(r => r.ExitCode));
        Assert.Contains("failed 2", runs[2].Out);
        var failed = await new ReminderStore(_ledger.Database).ListAsync(new ReminderQuery(State: ReminderState.Failed)).ToListAsync();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => Assert.Equal(3, f.Record.Attempts));
        Assert.All(failed, f => Assert.Contains("451 4.3.0 Try again later", f.Record.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoSweepsAtOnce_SendEachReminderOnce()
    {
        var results = await Task.WhenAll(SweepAsync(_server.Port), SweepAsync(_server.Port), SweepAsync(_server.Port));

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(2, _server.Messages.Count);
        Assert.Equal(2, _server.Messages.Select(MessageId).Distinct().Count());
    }

    [Fact]
    public async Task DayOff_SendsNothing()
    {
        var result = await new Infrastructure.Cli(SweepLedger.Smtp(_server.Port)).RunAsync("sweep", "--as-of", "2019-10-03T09:00:00+08:00", "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not a working day", result.Out);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task DryRun_PrintsThePlan_RecordsAndSendsNothing()
    {
        var plan = await SweepAsync(_server.Port, "--dry-run");
        var real = await SweepAsync(_server.Port);

        // The stage named as 催办记录 names it, its code after.
        Assert.Contains("0012  银行保险处  到期前1天 (before-1)", plan.Out);
        Assert.Contains("dry run: 2 planned", plan.Out);
        Assert.Contains("sent 2", real.Out);
    }

    [Fact]
    public async Task ReplyImportedBetweenSweeps_StopsTheReminders()
    {
        await new ItemStore(_ledger.Database).UpsertAsync([
            Items.Make("0012", "2019-07-01", "2019-10-08", lead: "银行保险处", coDue: "2019-08-01", replied: "2019-09-29"),
        ]);

        var result = await SweepAsync(_server.Port);

        Assert.Single(_server.Messages);
        Assert.DoesNotContain("0012", result.Out);
    }

    [Fact]
    public async Task LeadChangedWhileOwed_TheOldDivisionIsNotReminded_TheNewOneIs()
    {
        var down = await SweepAsync(Ports.Free());
        await new ItemStore(_ledger.Database).UpsertAsync([
            Items.Make("0012", "2019-07-01", "2019-10-08", lead: "综合处", coDue: "2019-08-01"),
        ]);

        var up = await SweepAsync(_server.Port);

        Assert.Equal(1, down.ExitCode);
        Assert.Contains("no longer handles", up.Out);
        Assert.DoesNotContain(_server.Messages, m => m.Recipients.Contains("yinbao@finance.example.org"));
        Assert.Contains(_server.Messages, m => m.Recipients.Contains("zonghe@finance.example.org"));
    }

    //  0012 is due Tue 2019-10-08. That day the server is down, so its due-day reminder stays owed; the
    //  next morning the owed row is no longer what the day asks for: it is recorded as superseded by
    //  the first 督办, which goes out with the head and the coordinator copied.
    [Fact]
    public async Task DueDayReminderKeptByAServerDown_GoesOutNextMorning_AsTheFirst督办_WithCopies()
    {
        _clock.AdjustTime(DateTimeOffset.Parse("2019-10-08T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        var down = await new Infrastructure.Cli(SweepLedger.Smtp(Ports.Free()), _clock).RunAsync("sweep", "--as-of", "2019-10-08T09:00:00+08:00", "--db", _ledger.Path);
        var kept = await new ReminderStore(_ledger.Database).ListAsync(new ReminderQuery()).ToListAsync();
        _clock.Advance(TimeSpan.FromDays(1));

        var up = await new Infrastructure.Cli(SweepLedger.Smtp(_server.Port), _clock).RunAsync("sweep", "--as-of", "2019-10-09T09:00:00+08:00", "--db", _ledger.Path);

        Assert.Equal(1, down.ExitCode);
        Assert.Contains(kept, r => (r.Record.Division, r.Record.Stage, r.Record.State) == ("银行保险处", ReminderStage.Due, ReminderState.Owed));
        Assert.Equal(0, up.ExitCode);
        var sent = Assert.Single(_server.Messages, m => m.Recipients.Contains("yinbao@finance.example.org"));
        Assert.Contains("yinbao.head@finance.example.org", sent.Recipients);
        Assert.Contains(SweepLedger.Coordinator, sent.Recipients);
        var rows = await new ReminderStore(_ledger.Database).ListAsync(new ReminderQuery()).ToListAsync();
        var due = Assert.Single(rows, r => r.Record.Division == "银行保险处" && r.Record.Stage == ReminderStage.Due);
        Assert.Equal((ReminderState.Superseded, "已由 第1次督办 取代 (superseded by overdue-1)"), (due.Record.State, due.Record.LastError));
        Assert.Equal(ReminderState.Sent, Assert.Single(rows, r => r.Record.Division == "银行保险处" && r.Record.Stage == ReminderStage.Overdue(1)).Record.State);
    }

    private static string MessageId(ScriptedSmtpServer.Received message) =>
        message.Data.Split('\n').First(l => l.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)).Trim();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _ledger.Dispose();
    }
}
