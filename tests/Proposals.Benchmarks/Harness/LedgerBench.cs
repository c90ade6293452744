using System.Diagnostics;
using System.Globalization;
using Proposals.Benchmarks.Bare;
using Proposals.Benchmarks.Generation;
using Proposals.Benchmarks.Results;
using static System.FormattableString;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// The large ledger, as users work with it: generate the files, migrate, import divisions, refuse a
/// file with bad rows, import, import again, sweep two days, report a year, list what is overdue;
/// each program operation beside its bare baseline where there is one. What was written is
/// checked by row counts of <c>items</c> and <c>reminders</c> alone.
/// </summary>
internal sealed class LedgerBench(BenchContext context)
{
    private readonly Recorder _recorder = context.Recorder;
    private string _divisionsFile = "";
    private string _itemsFile = "";
    private string _badFile = "";
    private int _rows;
    private int _badRows;

    private RawDatabase Database => context.Workspace.Ledger;

    public async Task RunAsync()
    {
        Generate();
        await RunProgramAsync("proposals migrate", "migrate", ["migrate"]).ConfigureAwait(false);
        var divisions = await RunProgramAsync("import divisions", "import-divisions", ["import", "divisions", _divisionsFile]).ConfigureAwait(false);
        _recorder.Update(divisions, m => m with { Rows = Divisions.All.Count });
        await ImportBadFileAsync().ConfigureAwait(false);
        var first = await ImportAsync("import proposals (first)").ConfigureAwait(false);
        var again = await ImportAsync("import proposals (same file again)").ConfigureAwait(false);
        var insert = await BaselineAsync("bare: prepared INSERT, one transaction", "insert", _itemsFile);
        _recorder.Compare(first, insert);
        _recorder.Compare(again, insert);

        var sweep = await SweepAsync($"sweep --as-of {Iso(BenchDays.SweepDay)} (first)", BenchDays.SweepDay).ConfigureAwait(false);
        var candidates = await BaselineAsync(Invariant($"bare: candidate query (open items due by the day + {BareQueries.CandidateDays})"), "candidates", Iso(BenchDays.SweepDay));
        _recorder.Compare(sweep, candidates);
        var next = await SweepAsync($"sweep --as-of {Iso(BenchDays.NextDay)} (next day)", BenchDays.NextDay).ConfigureAwait(false);
        _recorder.Compare(next, candidates);

        var report = await RunProgramAsync($"report --year {BenchDays.ReportYear.ToString(CultureInfo.InvariantCulture)} --format json", "report",
            ["report", "--year", BenchDays.ReportYear.ToString(CultureInfo.InvariantCulture), "--format", "json"]).ConfigureAwait(false);
        var groups = await BaselineAsync("bare: GROUP BY kind, lead division", "groupby", BenchDays.ReportYear.ToString(CultureInfo.InvariantCulture));
        _recorder.Compare(report, groups);
        _recorder.Update(report, m => m with { Rows = groups.Rows });

        // `list` reads the ledger as of today in the bureau's zone; the bare query uses the same day.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var list = await RunProgramAsync("list --overdue --format json", "list-overdue", ["list", "--overdue", "--format", "json"]).ConfigureAwait(false);
        var overdue = await BaselineAsync($"bare: overdue query as of {Iso(today)}", "overdue", Iso(today));
        _recorder.Compare(list, overdue);
        _recorder.Update(list, m => m with { Rows = overdue.Rows });
    }

    private void Generate()
    {
        _recorder.Begin("generate CSVs");
        var folder = context.Workspace.Folder("generate");
        _divisionsFile = Path.Combine(folder, "divisions.csv");
        _itemsFile = Path.Combine(folder, "items.csv");
        _badFile = Path.Combine(folder, "items-with-bad-rows.csv");
        var watch = Stopwatch.StartNew();
        LedgerCsv.WriteDivisions(_divisionsFile, Divisions.All);
        var generator = new LedgerGenerator(context.Options.Seed);
        var (rows, spoiled) = LedgerCsv.WriteItemsWithBadCopy(_itemsFile, _badFile, generator.Items(context.Options.Items), context.Options.Items);
        _rows = rows;
        _badRows = spoiled;
        var states = string.Join(", ", generator.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Invariant($"{c.Key.ToLowerInvariant()} {c.Value:N0}")));
        _recorder.Add(new Measurement("generate CSVs: divisions, items, a copy with bad rows", rows, watch.Elapsed.TotalSeconds, null,
            Invariant($"{new FileInfo(_itemsFile).Length / 1048576.0:F1} MB; {Divisions.All.Count} divisions; {states}; {spoiled:N0} bad rows in the copy")));
    }

    /// <summary>The file with bad rows must be refused (exit 2) and write nothing.</summary>
    private Task<int> ImportBadFileAsync() =>
        RunProgramAsync(Invariant($"import proposals (a copy with {_badRows:N0} bad rows)"), "import-bad", ["import", "proposals", _badFile], expectedExit: 2, async m =>
        {
            var (count, error) = await Database.CountAsync(RawDatabase.CountItems).ConfigureAwait(false);
            return Checked(m with { Rows = _rows }, count == 0,
                count is null ? "items not countable: " + error : Invariant($"items after it: {count:N0}{(count == 0 ? "" : " (must stay 0)")}"));
        });

    private Task<int> ImportAsync(string operation) =>
        RunProgramAsync(operation, "import", ["import", "proposals", _itemsFile], check: async m =>
        {
            var (count, error) = await Database.CountAsync(RawDatabase.CountItems).ConfigureAwait(false);
            return Checked(m with { Rows = _rows }, count == _rows,
                count is null ? "items not countable: " + error : Invariant($"{count:N0} items in the ledger{(count == _rows ? "" : Invariant($", {_rows:N0} in the file"))}"));
        });

    /// <summary>
    /// A sweep, its pickup folder its own; rows are the reminder rows it wrote, counted before and after,
    /// emails the messages in its pickup folder: with Reminders:Grouping division (the default) at most one
    /// per division, the coordinator's summary and the 通报, whatever the ledger's size.
    /// </summary>
    private async Task<int> SweepAsync(string operation, DateOnly day)
    {
        var (before, _) = await Database.CountAsync(RawDatabase.CountReminders).ConfigureAwait(false);
        var folder = context.Workspace.Folder("sweep");
        return await RunProgramInAsync(operation, folder, ["sweep", "--as-of", BenchDays.SweepInstant(day)], check: async m =>
        {
            var (after, error) = await Database.CountAsync(RawDatabase.CountReminders).ConfigureAwait(false);
            var outbox = Path.Combine(folder, ProgramSettings.Outbox);
            var files = Directory.Exists(outbox) ? Directory.EnumerateFiles(outbox, "*", SearchOption.AllDirectories).Count() : 0;
            var most = Divisions.All.Count + 2;
            var perSecond = m.Seconds is > 0 ? Invariant($", {files / m.Seconds.Value:F0} messages/s") : "";
            return Checked(m with { Rows = after - before, Messages = files }, after is not null && files <= most,
                after is null ? "reminders not countable: " + error
                    : Invariant($"reminder rows {before:N0} → {after:N0}; {files:N0} messages in the pickup folder (at most {most:N0}: one per division, the summary, the 通报){perSecond}"));
        }).ConfigureAwait(false);
    }

    private Task<int> RunProgramAsync(
        string operation, string slug, IReadOnlyList<string> arguments, int expectedExit = 0, Func<Measurement, Task<Measurement>>? check = null) =>
        RunProgramInAsync(operation, context.Workspace.Folder(slug), arguments, expectedExit, check);

    /// <summary>Runs the program, then <paramref name="check"/> (row counts) before the measurement is recorded.</summary>
    private async Task<int> RunProgramInAsync(
        string operation, string folder, IReadOnlyList<string> arguments, int expectedExit = 0, Func<Measurement, Task<Measurement>>? check = null)
    {
        _recorder.Begin(operation);
        var result = await context.Program.RunAsync(folder, arguments, ProgramSettings.Ledger(Database)).ConfigureAwait(false);
        var measured = ProgramUnderTest.Measure(operation, result, expectedExit);
        if (check is not null) measured = await check(measured).ConfigureAwait(false);
        return _recorder.Add(measured);
    }

    private async Task<Measurement> BaselineAsync(string operation, string what, string argument)
    {
        _recorder.Begin(operation);
        var measured = await context.Baselines.RunAsync(operation, [what, Database.Provider, Database.ConnectionString, argument]).ConfigureAwait(false);
        _recorder.Add(measured);
        return measured;
    }

    /// <summary>The measurement with <paramref name="note"/>, failed too when the check did not hold.</summary>
    private static Measurement Checked(Measurement measurement, bool holds, string note) =>
        measurement.Noting(note) with { Failed = measurement.Failed || !holds };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
