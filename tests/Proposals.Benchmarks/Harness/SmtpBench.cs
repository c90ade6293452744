using System.Globalization;
using Proposals.Benchmarks.Bare;
using Proposals.Benchmarks.Generation;
using Proposals.Benchmarks.Results;
using static System.FormattableString;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// Sending, against smtp4dev: a bare MailKit loop on one connection (MailKit's own connect, then a
/// socket with NoDelay), then the program's own sending, a sweep of a second ledger in which
/// exactly as many reminders are owed that day. Arrivals are counted through smtp4dev's REST API;
/// the program's exit code says whether it counted any as still owed. Then the same pair against a
/// sink that answers at once (<see cref="SinkSmtpServer"/>): smtp4dev's own speed is the ceiling of
/// the first pair, the client's is what the second measures.
/// </summary>
internal sealed class SmtpBench(BenchContext context)
{
    private readonly Recorder _recorder = context.Recorder;

    // Grouping item: one message per reminder, so the sending path is timed message for message against the
    // bare MailKit loop (the million-item sweep counts the morning emails, one per division).
    private static readonly string SweepOperation =
        $"sweep --as-of {BenchDays.SweepDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} over SMTP, Grouping item (the project's sending)";

    private int Messages => context.Options.Messages;

    public async Task RunAsync()
    {
        Smtp4devServer smtp;
        try
        {
            smtp = await Smtp4devServer.StartAsync(context.RepositoryRoot, context.Workspace.Root, keep: Messages + 1000).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            _recorder.Add(new Measurement("start smtp4dev", null, null, null, e.Message, Failed: true));
            return;
        }
        await using (smtp.ConfigureAwait(false))
        {
            await WarmUpAsync(smtp).ConfigureAwait(false);
            var plain = await BareLoopAsync(smtp, "bare: MailKit loop, one connection, default connect", "default").ConfigureAwait(false);
            var noDelay = await BareLoopAsync(smtp, "bare: MailKit loop, one connection, Socket NoDelay", "nodelay").ConfigureAwait(false);
            if (!await PrepareLedgerAsync().ConfigureAwait(false))
            {
                _recorder.Add(new Measurement(SweepOperation, null, null, null, "not run: the SMTP ledger could not be prepared", Failed: true));
                return;
            }
            var sweep = await SweepAsync(smtp).ConfigureAwait(false);
            // The floor is the faster of the two loops.
            var floor = new[] { plain, noDelay }.Where(m => !m.Failed && m.Seconds is not null).MinBy(m => m.Seconds);
            if (floor is not null) _recorder.Compare(sweep, floor);
        }
        await SinkAsync().ConfigureAwait(false);
    }

    private static readonly string SinkSweepOperation =
        $"sweep --as-of {BenchDays.SweepDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} over SMTP to a sink, Grouping item (the project's sending)";

    /// <summary>The bare NoDelay loop and the program's sweep again, against the sink: the ledger's reminders are deleted first, so the same items owe again.</summary>
    private async Task SinkAsync()
    {
        await using var sink = new SinkSmtpServer();
        const string LoopOperation = "bare: MailKit loop, one connection, Socket NoDelay, to a sink";
        _recorder.Begin(LoopOperation);
        var loop = await context.Baselines.RunAsync(LoopOperation,
            ["smtp", "127.0.0.1", sink.Port.ToString(CultureInfo.InvariantCulture), Messages.ToString(CultureInfo.InvariantCulture), "nodelay"]).ConfigureAwait(false);
        loop = loop.Noting(Arrivals(sink.Messages, loop.Seconds));
        if (sink.Messages != Messages) loop = loop with { Failed = true };
        _recorder.Add(loop);

        var database = context.Workspace.SmtpLedger;
        await using (var connection = await database.OpenAsync().ConfigureAwait(false))
        {
            await RawDatabase.ExecuteAsync(connection, "DELETE FROM reminders").ConfigureAwait(false);
        }
        sink.Reset();
        _recorder.Begin(SinkSweepOperation);
        var settings = ProgramSettings.Ledger(database).WithSmtp(sink.Port).OneEmailPerReminder();
        var result = await context.Program.RunAsync(context.Workspace.Folder("sweep-sink"), ["sweep", "--as-of", BenchDays.SweepInstant(BenchDays.SweepDay)], settings).ConfigureAwait(false);
        var arrived = sink.Messages;
        var (rows, _) = await database.CountAsync(RawDatabase.CountReminders).ConfigureAwait(false);
        var measured = (ProgramUnderTest.Measure(SinkSweepOperation, result) with { Rows = rows, Messages = arrived })
            .Noting(Arrivals(arrived, result.Elapsed.TotalSeconds));
        if (arrived != Messages) measured = measured with { Failed = true };
        var index = _recorder.Add(measured);
        if (!loop.Failed && loop.Seconds is not null) _recorder.Compare(index, loop);
    }

    /// <summary>
    /// A few messages first, not measured: smtp4dev compiles its receiving path on the first
    /// messages, which would otherwise slow whichever loop runs first.
    /// </summary>
    private async Task WarmUpAsync(Smtp4devServer smtp)
    {
        await context.Baselines.RunAsync("smtp4dev warm-up", ["smtp", "127.0.0.1", smtp.SmtpPort.ToString(CultureInfo.InvariantCulture), "20", "nodelay"]).ConfigureAwait(false);
        await smtp.WaitForAsync(20).ConfigureAwait(false);
    }

    private async Task<Measurement> BareLoopAsync(Smtp4devServer smtp, string operation, string connect)
    {
        await smtp.ClearAsync().ConfigureAwait(false);
        _recorder.Begin(operation);
        var measured = await context.Baselines.RunAsync(operation,
            ["smtp", "127.0.0.1", smtp.SmtpPort.ToString(CultureInfo.InvariantCulture), Messages.ToString(CultureInfo.InvariantCulture), connect]).ConfigureAwait(false);
        var arrived = await smtp.WaitForAsync(Messages).ConfigureAwait(false);
        measured = measured.Noting(Arrivals(arrived, measured.Seconds));
        if (arrived != Messages) measured = measured with { Failed = true };
        _recorder.Add(measured);
        return measured;
    }

    /// <summary>The second ledger: migrated, its divisions and exactly <see cref="Messages"/> owed items imported.</summary>
    private async Task<bool> PrepareLedgerAsync()
    {
        var folder = context.Workspace.Folder("smtp-ledger");
        var divisions = Path.Combine(folder, "divisions.csv");
        var items = Path.Combine(folder, "items.csv");
        LedgerCsv.WriteDivisions(divisions, Divisions.All);
        LedgerCsv.WriteItems(items, SmtpLedger.Items(Messages));
        foreach (var (operation, arguments) in new (string, string[])[]
        {
            ("SMTP ledger: proposals migrate", ["migrate"]),
            ("SMTP ledger: import divisions", ["import", "divisions", divisions]),
            (Invariant($"SMTP ledger: import proposals ({Messages:N0} items owing one reminder each)"), ["import", "proposals", items]),
        })
        {
            _recorder.Begin(operation);
            var result = await context.Program.RunAsync(context.Workspace.Folder("smtp-setup"), arguments, ProgramSettings.Ledger(context.Workspace.SmtpLedger)).ConfigureAwait(false);
            var measured = ProgramUnderTest.Measure(operation, result);
            _recorder.Add(measured);
            if (measured.Failed) return false;
        }
        return true;
    }

    private async Task<int> SweepAsync(Smtp4devServer smtp)
    {
        var database = context.Workspace.SmtpLedger;
        await smtp.ClearAsync().ConfigureAwait(false);
        var operation = SweepOperation;
        _recorder.Begin(operation);
        var (before, _) = await database.CountAsync(RawDatabase.CountReminders).ConfigureAwait(false);
        var settings = ProgramSettings.Ledger(database).WithSmtp(smtp.SmtpPort).OneEmailPerReminder();
        var result = await context.Program.RunAsync(context.Workspace.Folder("sweep-smtp"), ["sweep", "--as-of", BenchDays.SweepInstant(BenchDays.SweepDay)], settings).ConfigureAwait(false);
        var arrived = await smtp.WaitForAsync(Messages).ConfigureAwait(false);
        var (after, _) = await database.CountAsync(RawDatabase.CountReminders).ConfigureAwait(false);
        // Every owed reminder must arrive in this one run; exit 1 (some counted as still owed) is reported, and fails the run.
        var measured = (ProgramUnderTest.Measure(operation, result) with { Rows = after - before, Messages = arrived })
            .Noting(Arrivals(arrived, result.Elapsed.TotalSeconds))
            .Noting(Invariant($"reminder rows {before:N0} → {after:N0}"));
        if (arrived != Messages) measured = measured with { Failed = true };
        return _recorder.Add(measured);
    }

    private string Arrivals(long arrived, double? seconds) =>
        Invariant($"{arrived:N0}/{Messages:N0} arrived") +
        (seconds is > 0 ? Invariant($", {arrived / seconds.Value:F0} messages/s") : "");
}
