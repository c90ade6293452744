using Proposals.Benchmarks.Harness;
using Proposals.Benchmarks.Results;

namespace Proposals.Benchmarks.Replay;

/// <summary>The replay mode from start to exit code: run it, then print what it was run on and the table.</summary>
internal static class ReplayMain
{
    /// <returns>0, or 1 when a day's sweep failed or the replay could not be set up.</returns>
    public static async Task<int> RunAsync(
        ReplayOptions options, Workspace workspace, ProgramUnderTest program, string programPath, string repository, string commandLine, RssProbe probe)
    {
        Console.Error.WriteLine($"work folder {workspace.Root}");
        ReplayRun run;
        try
        {
            run = await new ReplayBench(options, workspace, program, repository, Console.Error).RunAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"the replay stopped: {e.Message}");
            return 1;
        }
        var machine = await MachineInfo.DescribeAsync(workspace.Ledger, programPath, repository).ConfigureAwait(false);
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine($"Proposals replay: {commandLine}");
        foreach (var line in machine) output.WriteLine(line);
        output.WriteLine($"ledger: {run.Options.File}; divisions: {run.Divisions}; settings: " +
            (run.Options.Settings.Count == 0 ? "the defaults" : string.Join(", ", run.Options.Settings.Select(s => $"{s.Key}={s.Value}"))) +
            "; mail to a pickup folder, one per day");
        output.WriteLine(probe.Description);
        output.WriteLine();
        ReplayTable.Print(output, run);
        return run.Sweeps.Any(s => s.Failed) ? 1 : 0;
    }
}
