using System.Diagnostics;
using System.Globalization;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// How a child's peak resident set (RSS) is measured. GNU time when it is installed: it reports
/// the kernel's own maximum for the process (getrusage after wait4), exact to the last byte,
/// whatever the timing. Otherwise VmHWM polled from /proc (<see cref="HwmPoller"/>). A process the
/// harness stops itself (the worker behind the dashboard) is always polled: it never exits on its own.
/// </summary>
internal sealed class RssProbe
{
    private const string GnuTimePath = "/usr/bin/time";

    private RssProbe(bool gnuTime, bool polling)
    {
        UsesGnuTime = gnuTime;
        CanPoll = polling;
    }

    /// <summary>GNU time's path, which wraps each measured process when <see cref="UsesGnuTime"/>.</summary>
    public static string GnuTime => GnuTimePath;

    public bool UsesGnuTime { get; }

    public bool CanPoll { get; }

    /// <summary>What the output says about the numbers in the peak RSS column.</summary>
    public string Description => UsesGnuTime
        ? "peak RSS: GNU time (/usr/bin/time -f %M, the kernel's maximum resident set of each process); the dashboard's worker: VmHWM polled every 10 ms"
        : CanPoll
            ? "peak RSS: VmHWM from /proc/PID/status, polled every 10 ms (a rise in the last 10 ms before exit can be missed)"
            : "peak RSS: not measured (neither GNU time nor /proc on this system)";

    public static RssProbe Detect() => new(GnuTimeWorks(), HwmPoller.Available);

    /// <summary>The arguments that run <paramref name="spec"/> under GNU time, writing the peak (KiB) to <paramref name="reportFile"/>.</summary>
    public static IEnumerable<string> GnuTimeArguments(ProcessSpec spec, string reportFile) =>
        new[] { "-f", "%M", "-o", reportFile, spec.FileName }.Concat(spec.Arguments);

    /// <summary>
    /// The peak GNU time wrote, in bytes. After a failure it writes "Command exited with non-zero
    /// status N" first: the figure is the last line.
    /// </summary>
    public static long? ReadGnuTime(string reportFile)
    {
        if (!File.Exists(reportFile)) return null;
        var last = File.ReadLines(reportFile).Where(l => l.Trim().Length > 0).LastOrDefault();
        return long.TryParse(last?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }

    private static bool GnuTimeWorks()
    {
        if (!File.Exists(GnuTimePath)) return false;
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(GnuTimePath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-f", "%M", "-o", report, "true" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start);
            if (process is null) return false;
            process.WaitForExit(5000);
            return process.HasExited && process.ExitCode == 0 && ReadGnuTime(report) > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            File.Delete(report);
        }
    }
}
