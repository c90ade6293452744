using System.Globalization;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// Reads a running process's resident high-water mark (VmHWM in /proc/PID/status) every 10 ms.
/// The kernel keeps the mark, so a short spike between two reads is still seen at the next; only
/// a rise in the last few milliseconds before the process exits can be missed.
/// </summary>
internal sealed class HwmPoller : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(10);
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak = -1;

    private HwmPoller(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Whether this system has /proc/PID/status with VmHWM.</summary>
    public static bool Available => Read(Environment.ProcessId) is not null;

    /// <summary>The highest mark read so far, in bytes; null before the first read.</summary>
    public long? Peak
    {
        get
        {
            Take();
            var peak = Interlocked.Read(ref _peak);
            return peak < 0 ? null : peak;
        }
    }

    public static HwmPoller Start(int pid) => new(pid);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Take();
            try
            {
                await Task.Delay(Every, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Take()
    {
        if (Read(_pid) is not { } now) return;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    /// <summary>VmHWM of <paramref name="pid"/> in bytes; null once the process is gone (or has become a zombie).</summary>
    private static long? Read(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
