using System.Globalization;
using Microsoft.Data.Sqlite;
using Proposals.Benchmarks;
using Proposals.Domain.Calendar;
using Proposals.Domain.Rates;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Worker.Reporting;
using Proposals.Worker.Sweep;

// The ledger benchmark: a generated ledger of N items in a real SQLite file, imported, re-imported,
// swept, reported on and listed by the project's own code, each next to a bare query reading the
// same rows. One run, one table; speed and memory are measured here, never asserted in tests.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var calendar = new WorkingCalendar(ShippedCalendar.Load());
var today = calendar.OnOrBefore(options.Today ?? new DateOnly(2026, 6, 15));
var nextDay = calendar.AddWorkingDays(today, 1);
var year = Math.Max(2018, today.Year - 2);
var folder = Path.Combine(Path.GetTempPath(), $"proposals-bench-{Environment.ProcessId}");
Directory.CreateDirectory(folder);
var database = LedgerDatabase.ForFile(Path.Combine(folder, "ledger.db"));
var output = Console.Out;
output.WriteLine($"Proposals ledger benchmark: {options.Items:N0} items, seed {options.Seed}, sweep day {today:yyyy-MM-dd}, report year {year}");
output.WriteLine($"database {database.DataSource}; {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite {SqliteVersion()}");

try
{
    SchemaMigrator.Upgrade(database);
    await new DivisionStore(database).UpsertAsync(LedgerGenerator.Divisions);
    var items = new ItemStore(database);
    var reminders = new ReminderStore(database);
    var sweep = new ReminderSweep(items, reminders, new DivisionStore(database), ReminderPolicy.Default, new Proposals.Mail.MailOptions { Coordinator = "zonghe@finance.example.org" });
    var results = new List<Measurement>();

    async Task Run(string operation, Func<Task<(long Rows, string Note)>> run)
    {
        output.Write($"  {operation} ... ");
        var m = await Measure.RunAsync(operation, run);
        results.Add(m);
        output.WriteLine($"{m.Elapsed.TotalSeconds:F2} s");
    }

    var generator = new LedgerGenerator(calendar, today, options.Seed, options.OverdueWithinDays);
    List<Proposals.Domain.Ledger.Item>? ledger = null;
    await Run("generate ledger (in memory)", () =>
    {
        ledger = generator.Generate(options.Items);
        return Task.FromResult(((long)ledger.Count, string.Join(", ", generator.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}"))));
    });
    await Run("ItemStore.UpsertAsync, first import", async () =>
    {
        var outcome = await items.UpsertAsync(ledger!);
        return (ledger!.Count, $"added {outcome.Added:N0}, changed {outcome.Changed:N0}, unchanged {outcome.Unchanged:N0}");
    });
    await Run("ItemStore.UpsertAsync, same file again", async () =>
    {
        var outcome = await items.UpsertAsync(ledger!);
        return (ledger!.Count, $"added {outcome.Added:N0}, changed {outcome.Changed:N0}, unchanged {outcome.Unchanged:N0}");
    });
    await Run("  bare: prepared INSERT, one transaction", async () =>
        (await BareImport.InsertAsync(LedgerDatabase.ForFile(Path.Combine(folder, "bare.db")), ledger!), "empty ledger, no lookup, no Dapper"));
    File.Delete(Path.Combine(folder, "bare.db"));
    ledger = null; // what follows must not lean on the ledger held in memory

    var sweepParameters = new Dictionary<string, object>
    {
        ["@AsOf"] = Day(today),
        ["@DueBy"] = Day(today.AddDays(ReminderPlan.CandidateHorizon(ReminderPolicy.Default, calendar))),
    };
    await Run($"ReminderSweep.DecideAsync {today:MM-dd}, first", () => Sweep(today));
    await Run($"ReminderSweep.DecideAsync {today:MM-dd}, again", () => Sweep(today));
    await Run("  bare: sweep candidates", async () =>
        (await BareQuery.ReadAllAsync(database.ConnectionString, LedgerSql.SweepCandidates, sweepParameters), "one reader, no mapping"));
    await Run("  bare: candidates' reminder rows", async () =>
        (await BareQuery.ReadAllAsync(database.ConnectionString, LedgerSql.CandidateReminders, sweepParameters), "one IN (subquery) reader"));
    await Run("  bare: the same, 4 key columns", async () =>
        (await BareQuery.ReadAllAsync(database.ConnectionString, LedgerSql.CandidateReminderKeys, sweepParameters), "item_id, division, stage, due_on"));
    await Run($"ReminderSweep.DecideAsync {nextDay:MM-dd}, next day", () => Sweep(nextDay));

    var yearParameters = new Dictionary<string, object>
    {
        ["@YearStart"] = $"{year:D4}-01-01", ["@YearEnd"] = $"{year:D4}-12-31", ["@AsOf"] = Day(today),
    };
    await Run($"YearReportSource.BuildAsync {year}", async () =>
    {
        var report = await YearReportSource.BuildAsync(items, year, today, RateSettings.Default);
        return (report.Total.Assigned + report.Total.Returned, $"{report.Divisions.Count} division rows, reply rate {report.Total.ReplyRate:P1}");
    });
    await Run($"  bare: items assigned in {year}", async () =>
        (await BareQuery.ReadAllAsync(database.ConnectionString, LedgerSql.AssignedInYear, yearParameters), "one reader, no mapping"));
    await Run($"  bare: {year} counts by GROUP BY", async () =>
        (await BareQuery.ReadAllAsync(database.ConnectionString, LedgerSql.YearCountsInSql, yearParameters), "rows are groups"));

    await Run("ItemStore.ListAsync --overdue", async () =>
    {
        long n = 0;
        await foreach (var _ in items.ListAsync(new ItemFilter(null, today, OverdueOnly: true))) n++;
        return (n, "streamed");
    });
    await Run("  bare: overdue", async () =>
        (await BareQuery.ReadAllAsync(database.ConnectionString, LedgerSql.Overdue, sweepParameters), "one reader, no mapping"));

    output.WriteLine();
    ResultTable.Print(output, results);
    output.WriteLine();
    output.WriteLine($"database file {new FileInfo(database.DataSource).Length / 1024.0 / 1024.0:N0} MB; reminder rows by state: " +
                     string.Join(", ", (await reminders.CountByStateAsync()).OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}")));
    await PrintPlan("sweep candidates (ItemStore.SweepCandidatesAsync)", LedgerSql.SweepCandidates, sweepParameters);
    await PrintPlan("recorded reminders per chunk (ReminderStore.RecordedForAsync)", LedgerSql.RemindersOfItems, sweepParameters);
    await PrintPlan("items assigned in a year (ItemStore.AssignedInYearAsync)", LedgerSql.AssignedInYear, yearParameters);
    await PrintPlan("overdue list (ItemStore.ListAsync --overdue)", LedgerSql.Overdue, sweepParameters);
    await PrintPlan("import lookup (ItemStore.UpsertAsync)", LedgerSql.ExistingLookup,
        new Dictionary<string, object> { ["@Kind"] = "npc", ["@Session"] = "x" });
    return 0;

    async Task<(long Rows, string Note)> Sweep(DateOnly day)
    {
        var decision = await sweep.DecideAsync(day, calendar, dryRun: false);
        return (decision.Candidates, $"owed {decision.Owed:N0}, skipped {decision.Skipped:N0}, rows written {decision.Recorded:N0}");
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    if (options.Keep) output.WriteLine($"kept {folder}");
    else Directory.Delete(folder, recursive: true);
}

async Task PrintPlan(string title, string sql, IReadOnlyDictionary<string, object> parameters)
{
    output.WriteLine();
    output.WriteLine($"EXPLAIN QUERY PLAN: {title}");
    foreach (var line in await BareQuery.PlanAsync(database.ConnectionString, sql, parameters)) output.WriteLine(line);
}

static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

static string SqliteVersion()
{
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    return connection.ServerVersion;
}
