using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Proposals.Domain.Calendar;
using Proposals.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proposals.Tests.Production;

/// <summary>
/// Several workers, one database, for real: three <c>proposals</c> processes on one PostgreSQL
/// ledger owing three hundred reminders, one of them killed with SIGKILL half-way through the
/// sending. Every reminder must arrive, and a reminder may arrive twice only if the killed process
/// had claimed it without recording the server's acceptance, and then the process that sent it
/// again must have said so.
/// </summary>
/// <remarks>
/// The workers read the system clock and send nothing on a day off (Asia/Shanghai). On a working
/// day the processes are <c>proposals run</c> workers sharing Hangfire's queue; on a day off they are
/// <c>proposals sweep --as-of</c> runs for the last working day, racing for the same claims, which
/// is the same record under the same kill.
/// </remarks>
public sealed class SeveralWorkersTests : IAsyncLifetime
{
    // Twelve claims of 25 (Reminders:ClaimBatch), so that each process holds some when one is killed half-way.
    private const int Owed = 300;
    private const int ClaimBatch = 25;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private static readonly Regex MessageIdHeader = new(@"^Message-Id:\s*<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase);

    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-workers-").FullName;
    private readonly List<WorkerProcess> _workers = [];
    // The scripted server rather than smtp4dev: it keeps every accepted message in this process, so
    // thousands are counted and their Message-IDs read at once, where smtp4dev's API would be paged
    // through over HTTP while the workers send.
    private readonly ScriptedSmtpServer _smtp;
    private readonly HoldingRelay _relay;
    private readonly Stopwatch _clock = new();
    private readonly ITestOutputHelper _output;
    private OwedLedger? _ledger;

    public SeveralWorkersTests(ITestOutputHelper output)
    {
        _output = output;
        _smtp = new ScriptedSmtpServer();
        _relay = new HoldingRelay(_smtp.Port);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ThreeWorkers_OneKilledHalfWay_EveryReminderArrives_AndOnlyUnrecordedSendsRepeat()
    {
        var calendar = new WorkingCalendar(ShippedCalendar.Load());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var workingDay = calendar.IsWorkingDay(today);
        var day = calendar.OnOrBefore(today);
        _output.WriteLine(workingDay
            ? $"{Iso(today)} is a working day: three `proposals run` workers."
            : $"{Iso(today)} is not a working day, so `run` sends nothing today: three `proposals sweep --as-of {Iso(day)}` processes instead.");
        _ledger = await OwedLedger.CreateAsync(day, Owed);

        _clock.Start();
        for (var i = 1; i <= 3; i++) _workers.Add(Start($"worker {i}", workingDay, day));
        await WaitUntilAsync(() => Task.FromResult(_smtp.Messages.Count >= Owed / 2), "half the reminders arrived");
        // The mail server's acceptances wait until the senders of the three processes have all come
        // to wait for one (no more for a second), so that the process dies with messages accepted and
        // their claims not yet marked.
        _relay.Hold();
        var held = Stopwatch.StartNew();
        var waiting = 0;
        var steadySince = held.Elapsed;
        while (held.Elapsed - steadySince < TimeSpan.FromSeconds(1) && held.Elapsed < TimeSpan.FromSeconds(6))
        {
            await Task.Delay(50);
            if (_relay.Waiting == waiting) continue;
            waiting = _relay.Waiting;
            steadySince = held.Elapsed;
        }
        var killed = _workers[0];
        killed.Kill();
        var killedAt = _clock.Elapsed;
        var atKill = _smtp.Messages.Count;
        _relay.Release();
        // What the killed process had claimed and not marked: the only sends that may repeat.
        var unmarked = await _ledger.QueryAsync(
            "SELECT id FROM reminders WHERE state = 'sending' AND lease_owner LIKE @sender ORDER BY id", r => r.GetInt64(0), ("sender", killed.SenderName + ":%"));
        _output.WriteLine($"{Seconds(killedAt)}: killed {killed.Name} (pid {killed.Id}) with SIGKILL after {atKill} messages, {waiting} acceptances held; it left {unmarked.Count} reminder(s) claimed and unmarked: {string.Join(", ", unmarked)}");
        Assert.NotEmpty(unmarked);

        // The survivors send what they can, and take up the killed process's reminders once its lease
        // lapses; when they have stopped (sweep processes end when nothing is due), a worker started
        // after the lapse takes them up, as a restart after a crash would.
        await WaitUntilQuietAsync();
        var restarted = false;
        if (await SentAsync() < Owed)
        {
            var lapsed = killedAt + Lease + TimeSpan.FromSeconds(2);
            if (_clock.Elapsed < lapsed) await Task.Delay(lapsed - _clock.Elapsed);
            _output.WriteLine($"{Seconds(_clock.Elapsed)}: {await SentAsync()} sent; starting a fresh worker after the claim lapse");
            _workers.Add(Start("restarted worker", workingDay, day));
            restarted = true;
        }
        await WaitUntilAsync(async () => await SentAsync() == Owed, "every reminder sent");
        var doneAt = _clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2)); // a late duplicate would arrive now

        var received = _smtp.Messages.Select(m => MessageIdHeader.Match(m.Data)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .Where(id => id.StartsWith("reminder.", StringComparison.Ordinal)).ToList();
        var repeated = received.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var rows = await _ledger.QueryAsync(
            "SELECT id, state, message_id, lease_owner FROM reminders WHERE state <> 'superseded'",
            r => (Id: r.GetInt64(0), State: r.GetString(1), MessageId: r.IsDBNull(2) ? null : r.GetString(2), ClaimedBy: r.IsDBNull(3) ? null : r.GetString(3)));
        // A claim is "host:pid:token": grouped by process.
        var bySender = rows.Where(r => r.State == "sent").GroupBy(r => r.ClaimedBy is { } c ? c[..c.LastIndexOf(':')] : "").ToDictionary(g => g.Key, g => g.Count());
        _output.WriteLine($"{Seconds(doneAt)}: all {Owed} sent; {received.Count} reminder messages received, {received.Distinct().Count()} distinct Message-IDs, {repeated.Count} received twice; restarted a worker: {restarted}");
        foreach (var worker in _workers)
        {
            _output.WriteLine($"  {worker.Name} (pid {worker.Id}{(worker == killed ? ", killed" : "")}): marked {bySender.GetValueOrDefault(worker.SenderName)} sent");
            foreach (var line in Warnings(worker.Output)) _output.WriteLine($"    {line}");
        }

        Assert.Equal(Owed, rows.Count);
        Assert.All(rows, r => Assert.Equal("sent", r.State));
        Assert.Equal(Owed, received.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(rows.Select(r => r.MessageId!).Order(StringComparer.Ordinal), received.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.True(repeated.Count <= unmarked.Count, $"{repeated.Count} messages arrived twice, but the killed worker had left only {unmarked.Count} claims unmarked");
        var repeatedRows = rows.Where(r => repeated.Contains(r.MessageId!)).Select(r => r.Id).ToList();
        Assert.All(repeatedRows, id => Assert.Contains(id, unmarked));
        // The killed process's senders were held after an acceptance: the duplicate window was really hit.
        Assert.NotEmpty(repeated);
        Assert.True(received.Count - received.Distinct().Count() == repeated.Count, "a message arrived more than twice");
        // Every claim the killed process left was taken up again by another process, which said so in one
        // line per batch it took (not one per reminder: at most one of them can really be a duplicate).
        var survivorsSaid = string.Join("\n", _workers.Where(w => w != killed).Select(w => w.Output));
        var reclaimLines = Regex.Matches(survivorsSaid,
            $@"(\d+) reminder\(s\) held by {Regex.Escape(killed.SenderName)} were left in sending when its lease ran out \(ids ([\d, ]+)\).*twice");
        var reclaimed = reclaimLines.SelectMany(m => m.Groups[2].Value.Split(", ").Select(id => long.Parse(id, CultureInfo.InvariantCulture))).ToList();
        Assert.All(unmarked, id => Assert.Contains(id, reclaimed));
        Assert.Equal(reclaimLines.Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)), reclaimed.Count);
        Assert.True(reclaimLines.Count <= (unmarked.Count + ClaimBatch - 1) / ClaimBatch + _workers.Count,
            $"{reclaimLines.Count} reclaim lines for {unmarked.Count} reclaimed reminders: one per reminder, not per batch");
        // The work was shared: each of the three first processes sent part of it.
        Assert.All(_workers.Take(3), w => Assert.True(bySender.GetValueOrDefault(w.SenderName) > 0, $"{w.Name} sent nothing"));
    }

    private WorkerProcess Start(string name, bool workingDay, DateOnly day)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Proposals"] = _ledger!.Database.ConnectionString,
            ["Mail__Transport"] = "smtp",
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = _relay.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
            ["Dashboard__Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Reminders__LeaseSeconds"] = ((int)Lease.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["Reminders__DrainEverySeconds"] = "1",
            ["Reminders__ClaimBatch"] = ClaimBatch.ToString(CultureInfo.InvariantCulture),
            // One email per reminder, so that every reminder's arrival is counted; a division's morning
            // email is claimed whole by one sender (ReminderStoreTests.ClaimEmails_*).
            ["Reminders__Grouping"] = "item",
            // The test runs whenever CI does: working hours all day long, so an evening run still sends.
            ["Reminders__WorkingHoursFrom"] = "00:00",
            ["Reminders__WorkingHoursUntil"] = "23:59",
        };
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name.Replace(' ', '-'))).FullName;
        return workingDay
            ? WorkerProcess.Start(name, folder, environment, "run")
            : WorkerProcess.Start(name, folder, environment, "sweep", "--as-of", $"{Iso(day)}T09:00:00+08:00");
    }

    private Task<long> SentAsync() => _ledger!.CountAsync("SELECT COUNT(*) FROM reminders WHERE state = 'sent'");

    /// <summary>Waits until nothing more is sent for a few seconds (or every reminder is).</summary>
    private async Task WaitUntilQuietAsync()
    {
        var last = -1L;
        var quietSince = _clock.Elapsed;
        while (true)
        {
            var sent = await SentAsync();
            if (sent == Owed) return;
            if (sent != last)
            {
                last = sent;
                quietSince = _clock.Elapsed;
            }
            else if (_clock.Elapsed - quietSince > TimeSpan.FromSeconds(5))
            {
                return;
            }
            CheckTime("the survivors to finish");
            await Task.Delay(250);
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        while (!await done())
        {
            CheckTime(what);
            await Task.Delay(100);
        }
    }

    private void CheckTime(string what)
    {
        if (_clock.Elapsed < Limit) return;
        Assert.Fail($"waited {Seconds(_clock.Elapsed)} for {what}; {_smtp.Messages.Count} messages received.\n{Tails()}");
    }

    private string Tails() => string.Join("\n", _workers.Select(w =>
        $"--- {w.Name} (pid {w.Id}{(w.HasExited ? $", exited {w.ExitCode}" : "")}):\n{string.Join("\n", w.Output.Split('\n').TakeLast(30))}"));

    /// <summary>The warnings and errors a worker logged (the console logger puts the message on the line after the level).</summary>
    private static IEnumerable<string> Warnings(string log)
    {
        var lines = log.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].Contains("Exception", StringComparison.Ordinal))
            {
                yield return lines[i].TrimEnd() + (i + 1 < lines.Length ? " " + lines[i + 1].Trim() : "");
            }
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.0} s";


    public async Task DisposeAsync()
    {
        foreach (var worker in _workers) worker.Dispose();
        await _relay.DisposeAsync();
        await _smtp.DisposeAsync();
        if (_ledger is not null) await _ledger.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
