using System.Globalization;
using Proposals.Benchmarks.Bare;
using Proposals.Benchmarks.Results;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// Runs a bare baseline (<see cref="BareCommand"/>) as a child process of this same program, so that
/// its time and peak RSS are measured exactly as the program's are, start-up included.
/// </summary>
internal sealed class Baselines(Workspace workspace, RssProbe probe, TimeSpan limit)
{
    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();

    public async Task<Measurement> RunAsync(string operation, IReadOnlyList<string> arguments)
    {
        var folder = workspace.Folder("bare-" + arguments[0]);
        var self = Path.Combine(AppContext.BaseDirectory, "Proposals.Benchmarks.dll");
        var spec = new ProcessSpec(ProgramUnderTest.Dotnet, [self, BareCommand.Verb, .. arguments], folder, NoSettings);
        var result = await ChildProcess.RunAsync(spec, probe, limit, keepStdout: true).ConfigureAwait(false);
        var measured = ProgramUnderTest.Measure(operation, result) with { IsBaseline = true, Rows = Count(result.Stdout, "rows") };
        // A GROUP BY reads few rows but counts many items: its rows are the items, as the report's are.
        return Count(result.Stdout, "items") is { } items
            ? measured.Noting(string.Create(CultureInfo.InvariantCulture, $"{measured.Rows:N0} groups read")) with { Rows = items }
            : measured;
    }

    /// <summary>A "NAME N" line of the baseline's output.</summary>
    private static long? Count(string output, string name)
    {
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Trim().Split(' ');
            if (parts.Length == 2 && parts[0] == name && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        }
        return null;
    }
}
