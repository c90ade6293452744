using System.Globalization;
using Proposals.Benchmarks;
using Proposals.Benchmarks.Bare;
using Proposals.Benchmarks.Generation;
using Proposals.Benchmarks.Harness;
using Proposals.Benchmarks.Replay;
using Proposals.Benchmarks.Results;
using static System.FormattableString;

// The scale benchmark. Run by ops/bench.sh, it runs the built `proposals` program a process per
// operation on generated ledgers, each beside a bare baseline that this same program runs as a
// child process (`bare ...`), then prints one table and writes bench-results.json in the current
// directory. Speed and memory are measured and shown here, never asserted. With --replay FILE it
// replays that ledger file day by day instead and reports the mail it made (Replay/).
if (args.Length > 0 && args[0] == BareCommand.Verb) return await BareCommand.RunAsync(args.Skip(1).ToList());

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

var repository = RepositoryRoot.Find();
var programPath = options.Program ?? Path.Combine(repository, "src", "Proposals.Worker", "bin", "Release", "net10.0", "proposals.dll");
if (!File.Exists(programPath))
{
    Console.Error.WriteLine($"{programPath} is missing: build it first (ops/bench.sh does), or give --program PATH");
    return 2;
}

var started = System.Diagnostics.Stopwatch.StartNew();
var probe = RssProbe.Detect();
var recorder = new Recorder(Console.Error);
var commandLine = Environment.GetEnvironmentVariable("PROPOSALS_BENCH_COMMAND") ?? "Proposals.Benchmarks " + string.Join(' ', args);
Workspace workspace;
try
{
    workspace = await Workspace.CreateAsync(options);
}
catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
{
    Console.Error.WriteLine($"cannot set up the databases: {e.Message}");
    return 1;
}
if (options.Replay is { } replay)
{
    await using (workspace)
    {
        return await ReplayMain.RunAsync(replay, workspace, new ProgramUnderTest(programPath, probe, options.Limit), programPath, repository, commandLine, probe);
    }
}
IReadOnlyList<string> machine;
await using (workspace)
{
    machine = await MachineInfo.DescribeAsync(workspace.Ledger, programPath, repository);
    var program = new ProgramUnderTest(programPath, probe, options.Limit);
    var context = new BenchContext(options, workspace, program, new Baselines(workspace, probe, options.Limit), recorder, repository);
    Console.Error.WriteLine($"work folder {workspace.Root}{(options.Keep ? " (kept)" : "")}");
    await RunPartAsync("ledger", () => new LedgerBench(context).RunAsync());
    await RunPartAsync("dashboard", () => new DashboardBench(context).RunAsync());
    await RunPartAsync("SMTP", () => new SmtpBench(context).RunAsync());
}

var output = Console.Out;
output.WriteLine();
output.WriteLine($"Proposals benchmark: {commandLine}");
foreach (var line in machine) output.WriteLine(line);
output.WriteLine(Invariant($"ledger: {options.Items:N0} items, {Divisions.All.Count} divisions, seed {options.Seed}; sweep day {BenchDays.SweepDay:yyyy-MM-dd}, next {BenchDays.NextDay:yyyy-MM-dd}; report year {BenchDays.ReportYear}; SMTP: {options.Messages:N0} messages to smtp4dev, then to a sink that answers at once"));
output.WriteLine("baselines: raw ADO.NET on a table of the same shape in the same database (bench_items), MailKit alone; each a process of its own (workstation GC)");
output.WriteLine(probe.Description);
output.WriteLine();
ResultTable.Print(output, recorder.Rows);
var results = Path.GetFullPath("bench-results.json");
ResultsJson.Write(results, recorder.Rows, options.Provider, options.Items);
output.WriteLine();
output.WriteLine(Invariant($"written {results}; the run took {started.Elapsed.TotalSeconds:F0} s"));
if (recorder.AnyFailed) Console.Error.WriteLine("some operations failed: see FAILED in the table");
return recorder.AnyFailed ? 1 : 0;

// A part that breaks (a database gone, smtp4dev dying) is recorded as failed and the next part runs:
// the table and the results file are still written.
async Task RunPartAsync(string name, Func<Task> part)
{
    try
    {
        await part();
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        recorder.Add(new Measurement($"{name}: stopped by an error in the harness", null, null, null, $"{e.GetType().Name}: {e.Message}", Failed: true));
    }
}
