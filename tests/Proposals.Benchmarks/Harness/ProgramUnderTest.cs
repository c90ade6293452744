using System.Globalization;
using Proposals.Benchmarks.Results;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// The built <c>proposals</c> program, run as users run it: a process per operation, in a working
/// directory of its own, its settings in the environment. Either <c>proposals.dll</c> (run by
/// <c>dotnet</c>) or a published <c>proposals</c> executable.
/// </summary>
internal sealed class ProgramUnderTest(string path, RssProbe probe, TimeSpan limit)
{
    public string Path => path;

    public ProcessSpec Spec(string folder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        path.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessSpec(Dotnet, [path, .. arguments], folder, environment)
            : new ProcessSpec(path, arguments, folder, environment);

    /// <summary>Runs <c>proposals ARGUMENTS</c> in <paramref name="folder"/> to its end; its standard output kept when <paramref name="keepStdout"/>.</summary>
    public Task<ProcessResult> RunAsync(string folder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, bool keepStdout = false) =>
        ChildProcess.RunAsync(Spec(folder, arguments, environment), probe, limit, keepStdout);

    /// <summary>Starts <c>proposals ARGUMENTS</c> and leaves it running (the worker).</summary>
    public ChildProcess Start(string folder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        ChildProcess.Start(Spec(folder, arguments, environment), probe);

    /// <summary>
    /// The measurement of one run: failed when it was killed or its exit code is not
    /// <paramref name="expectedExit"/>. Only exit codes are relied on, never the program's wording.
    /// </summary>
    public static Measurement Measure(string operation, ProcessResult result, int expectedExit = 0)
    {
        var failed = result.TimedOut || result.ExitCode != expectedExit;
        var note = result.TimedOut
            ? string.Create(CultureInfo.InvariantCulture, $"killed after {result.Elapsed.TotalSeconds:F0} s")
            : failed ? string.Create(CultureInfo.InvariantCulture, $"exit {result.ExitCode}, expected {expectedExit}") : "";
        return new Measurement(operation, null, result.Elapsed.TotalSeconds, result.PeakRssMb, note,
            Failed: failed, ExitCode: result.ExitCode, Stderr: result.StderrHead);
    }

    /// <summary>The dotnet host this harness runs on, which runs the program too.</summary>
    public static string Dotnet =>
        Environment.ProcessPath is { } host && System.IO.Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
