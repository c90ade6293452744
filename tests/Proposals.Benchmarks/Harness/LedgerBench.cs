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
        var candidates = await BaselineAsync(Invariant($"bare: candidate query (open, due within {BareQueries.CandidateDays} days)"), "candidates", Iso(BenchDays.SweepDay));
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
        var states = string.Join(", ", generator.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Invariant($"{c.Key.ToLowerInvariant()} {c.Value:N0}")));
        _recorder.Add(new Measurement("generate CSVs: divisions, items, a copy with bad rows", rows, watch.Elapsed.TotalSeconds, null,
            Invariant($"{new FileInfo(_itemsFile).Length / 1048576.0:F1} MB; {Divisions.All.Count} divisions; {states}; {spoiled:N0} bad rows in the copy")));
    }

    /// <summary>The file with bad rows must be refused (exit 2) and write nothing.</summary>
    private async Task ImportBadFileAsync()
    {
        var index = await RunProgramAsync("import proposals (file with ~1,000 bad rows)", "import-bad", ["import", "proposals", _badFile], expectedExit: 2).ConfigureAwait(false);
        var (count, error) = await Database.CountAsync(RawDatabase.CountItems).ConfigureAwait(false);
        _recorder.Update(index, m => (m with { Rows = _rows }) switch
        {
            var x when count == 0 => x.Noting("refused, items still 0"),
            var x when count is null => x.Noting("items not countable: " + error) with { Failed = true },
            var x => x.Noting(Invariant($"{count:N0} items written by a refused file")) with { Failed = true },
        });
    }

    private async Task<int> ImportAsync(string operation)
    {
        var index = await RunProgramAsync(operation, "import", ["import", "proposals", _itemsFile]).ConfigureAwait(false);
        var (count, error) = await Database.CountAsync(RawDatabase.CountItems).ConfigureAwait(false);
        _recorder.Update(index, m => (m with { Rows = _rows }) switch
        {
            var x when count == _rows => x.Noting(Invariant($"{count:N0} items in the ledger")),
            var x when count is null => x.Noting("items not countable: " + error) with { Failed = true },
            var x => x.Noting(Invariant($"{count:N0} items in the ledger, {_rows:N0} in the file")) with { Failed = true },
        });
        return index;
    }

    private async Task<int> SweepAsync(string operation, DateOnly day)
    {
        var (before, _) = await Database.CountAsync(RawDatabase.CountReminders).ConfigureAwait(false);
        var folder = context.Workspace.Folder("sweep");
        var index = await RunProgramInAsync(operation, folder, ["sweep", "--as-of", BenchDays.SweepInstant(day)]).ConfigureAwait(false);
        var (after, error) = await Database.CountAsync(RawDatabase.CountReminders).ConfigureAwait(false);
        var outbox = Path.Combine(folder, ProgramSettings.Outbox);
        var files = Directory.Exists(outbox) ? Directory.EnumerateFiles(outbox, "*", SearchOption.AllDirectories).Count() : 0;
        _recorder.Update(index, m => after is null
            ? m.Noting("reminders not countable: " + error) with { Failed = true }
            : (m with { Rows = after - (before ?? 0) }).Noting(Invariant($"reminder rows {before:N0} → {after:N0}; {files:N0} messages in the pickup folder")));
        return index;
    }

    private Task<int> RunProgramAsync(string operation, string slug, IReadOnlyList<string> arguments, int expectedExit = 0) =>
        RunProgramInAsync(operation, context.Workspace.Folder(slug), arguments, expectedExit);

    private async Task<int> RunProgramInAsync(string operation, string folder, IReadOnlyList<string> arguments, int expectedExit = 0)
    {
        _recorder.Begin(operation);
        var result = await context.Program.RunAsync(folder, arguments, ProgramSettings.Ledger(Database)).ConfigureAwait(false);
        return _recorder.Add(ProgramUnderTest.Measure(operation, result, expectedExit));
    }

    private async Task<Measurement> BaselineAsync(string operation, string what, string argument)
    {
        _recorder.Begin(operation);
        var measured = await context.Baselines.RunAsync(operation, [what, Database.Provider, Database.ConnectionString, argument]).ConfigureAwait(false);
        _recorder.Add(measured);
        return measured;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
