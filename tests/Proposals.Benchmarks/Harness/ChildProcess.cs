using System.Diagnostics;
using System.Text;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// One measured child process: wall time from start to exit, peak RSS (<see cref="RssProbe"/>),
/// exit code, output drained. Either run to its end (<see cref="RunAsync"/>) or started and
/// stopped by the harness (<see cref="Start"/>, for the worker behind the dashboard).
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _watch;
    private readonly HwmPoller? _poller;
    private readonly string? _gnuTimeReport;
    private readonly Task<(string Text, long Bytes)> _stdout;
    private readonly Task<IReadOnlyList<string>> _stderr;

    private ChildProcess(Process process, Stopwatch watch, HwmPoller? poller, string? gnuTimeReport, bool keepStdout)
    {
        _process = process;
        _watch = watch;
        _poller = poller;
        _gnuTimeReport = gnuTimeReport;
        _stdout = OutputDrain.StdoutAsync(process.StandardOutput.BaseStream, keepStdout);
        _stderr = OutputDrain.StderrHeadAsync(process.StandardError);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The peak RSS so far (polled), in MiB.</summary>
    public double? PeakRssMb => _poller?.Peak / (1024.0 * 1024.0);

    public TimeSpan Elapsed => _watch.Elapsed;

    /// <summary>Runs <paramref name="spec"/> to its end, or kills it after <paramref name="limit"/>.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, RssProbe probe, TimeSpan limit, bool keepStdout = false)
    {
        var report = probe.UsesGnuTime ? Path.Combine(spec.WorkingDirectory, $"peak-rss-{Guid.NewGuid():N}.txt") : null;
        await using var child = Launch(spec, probe, report, keepStdout);
        var timedOut = false;
        using (var timeout = new CancellationTokenSource(limit))
        {
            try
            {
                await child._process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                await child.StopAsync().ConfigureAwait(false);
            }
        }
        child._watch.Stop();
        return await child.ResultAsync(timedOut).ConfigureAwait(false);
    }

    /// <summary>Starts <paramref name="spec"/> and leaves it running, its RSS polled.</summary>
    public static ChildProcess Start(ProcessSpec spec, RssProbe probe) => Launch(spec, probe, gnuTimeReport: null, keepStdout: false);

    /// <summary>Kills the process (and anything it started) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>What it wrote to standard error first (once it has exited).</summary>
    public async Task<IReadOnlyList<string>> StderrHeadAsync() => await _stderr.ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await StopAsync().ConfigureAwait(false);
        if (_poller is not null) await _poller.DisposeAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<ProcessResult> ResultAsync(bool timedOut)
    {
        var peak = _gnuTimeReport is not null ? RssProbe.ReadGnuTime(_gnuTimeReport) : _poller?.Peak;
        if (_gnuTimeReport is not null) File.Delete(_gnuTimeReport);
        var (text, bytes) = await _stdout.ConfigureAwait(false);
        var stderr = await _stderr.ConfigureAwait(false);
        return new ProcessResult(_process.ExitCode, timedOut, _watch.Elapsed, peak, text, bytes, stderr);
    }

    private static ChildProcess Launch(ProcessSpec spec, RssProbe probe, string? gnuTimeReport, bool keepStdout)
    {
        var start = new ProcessStartInfo(gnuTimeReport is null ? spec.FileName : RssProbe.GnuTime)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in gnuTimeReport is null ? spec.Arguments : RssProbe.GnuTimeArguments(spec, gnuTimeReport)) start.ArgumentList.Add(a);
        foreach (var (name, value) in spec.Environment) start.Environment[name] = value;
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var poller = gnuTimeReport is null && probe.CanPoll ? HwmPoller.Start(process.Id) : null;
        return new ChildProcess(process, watch, poller, gnuTimeReport, keepStdout);
    }
}
