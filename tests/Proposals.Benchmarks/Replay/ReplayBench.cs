using System.Diagnostics;
using System.Globalization;
using Proposals.Benchmarks.Harness;

namespace Proposals.Benchmarks.Replay;

/// <summary>
/// <c>ops/bench.sh --replay FILE</c>: the divisions and FILE imported into a fresh SQLite ledger whose
/// mail goes to a pickup folder, then the real sweep (<c>proposals sweep --as-of DAYT09:00:00+08:00</c>,
/// a process per day, as the worker sweeps at 09:00) on every working day of the span, each day's
/// messages written to a folder of its own and read back (<see cref="SentMail"/>).
/// </summary>
internal sealed class ReplayBench(ReplayOptions options, Workspace workspace, ProgramUnderTest program, string repository, TextWriter progress)
{
    public async Task<ReplayRun> RunAsync()
    {
        var wall = Stopwatch.StartNew();
        var divisions = options.Divisions ?? Path.Combine(repository, "seeds", "divisions.csv");
        var folder = workspace.Folder("replay");
        var settings = Settings(Path.Combine(workspace.Root, "outbox", "import"));

        progress.WriteLine($"import divisions {divisions}, then {options.File} ...");
        var importSeconds = 0.0;
        double? importRss = null;
        foreach (var arguments in new[] { new[] { "import", "divisions", divisions }, ["import", "proposals", options.File] })
        {
            var result = await program.RunAsync(folder, arguments, settings).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"{string.Join(' ', arguments)} exited {result.ExitCode}: {string.Join(Environment.NewLine, result.StderrHead)}");
            }
            importSeconds += result.Elapsed.TotalSeconds;
            importRss = Max(importRss, result.PeakRssMb);
        }

        var (from, through) = await ReplaySpan.FindAsync(options, program, folder, settings).ConfigureAwait(false);
        var calendar = await ReplayCalendar.LoadAsync(program, folder, settings, from, through).ConfigureAwait(false);
        var days = calendar.WorkingDays(from, through).ToList();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replaying {days.Count} working days, {from:yyyy-MM-dd} to {through:yyyy-MM-dd} ..."));

        var sweeps = new List<DaySweep>();
        var mails = new List<SentMail>();
        foreach (var day in days)
        {
            var outbox = Path.Combine(workspace.Root, "outbox", Iso(day));
            var result = await program.RunAsync(folder, ["sweep", "--as-of", Iso(day) + "T09:00:00+08:00"], Settings(outbox)).ConfigureAwait(false);
            var sent = await SentMail.ReadFolderAsync(outbox, day).ConfigureAwait(false);
            mails.AddRange(sent);
            var sweep = new DaySweep(day, result.Elapsed.TotalSeconds, result.PeakRssMb, result.ExitCode, result.TimedOut, result.StderrHead, sent.Count);
            sweeps.Add(sweep);
            if (sweep.Failed || sent.Count > 0)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Iso(day)}: {sent.Count} emails, {sweep.Seconds:F2} s{(sweep.Failed ? $", FAILED (exit {sweep.ExitCode})" : "")}"));
            }
        }
        return new ReplayRun(options, divisions, from, through, sweeps, new MailTally(days, mails), importSeconds, importRss, wall.Elapsed.TotalSeconds);
    }

    /// <summary>The ledger, the settings given with --set, and mail into <paramref name="outbox"/> whatever they say: the replay counts files.</summary>
    private Dictionary<string, string> Settings(string outbox)
    {
        var settings = ProgramSettings.Ledger(workspace.Ledger);
        foreach (var (key, value) in options.Environment) settings[key] = value;
        settings["Mail__Transport"] = "pickup";
        settings["Mail__PickupDirectory"] = outbox;
        return settings;
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
