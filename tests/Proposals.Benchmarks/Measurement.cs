using System.Diagnostics;

namespace Proposals.Benchmarks;

/// <summary>One timed operation: how long, how many rows, what it allocated, how much memory it peaked at.</summary>
internal sealed record Measurement(string Operation, long Rows, TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSetBytes, long PeakHeapBytes, string Note)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Runs an operation once, on a collected heap, and measures it. Memory peaks are sampled every few
/// milliseconds (working set and managed heap); on Linux the kernel's own high-water mark (VmHWM,
/// reset through /proc/self/clear_refs) is used when it is higher, so a short spike is not missed.
/// </summary>
internal static class Measure
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(5);

    public static async Task<Measurement> RunAsync(string operation, Func<Task<(long Rows, string Note)>> run)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var kernelPeak = LinuxPeak.TryReset();
        using var sampler = new Sampler();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var (rows, note) = await run().ConfigureAwait(false);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        sampler.Stop();
        var peakSet = Math.Max(sampler.PeakWorkingSet, kernelPeak ? LinuxPeak.Read() ?? 0 : 0);
        return new Measurement(operation, rows, watch.Elapsed, allocated, peakSet, sampler.PeakHeap, note);
    }

    private sealed class Sampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peakSet;
        private long _peakHeap;

        public Sampler()
        {
            Take();
            _thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler" };
            _thread.Start();
        }

        public long PeakWorkingSet => Interlocked.Read(ref _peakSet);

        public long PeakHeap => Interlocked.Read(ref _peakHeap);

        public void Stop()
        {
            _stop.Cancel();
            _thread.Join();
            Take();
        }

        public void Dispose() => _stop.Dispose();

        private void Loop()
        {
            while (!_stop.IsCancellationRequested)
            {
                Take();
                _stop.Token.WaitHandle.WaitOne(SampleEvery);
            }
        }

        private void Take()
        {
            var set = Environment.WorkingSet;
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            if (set > _peakSet) Interlocked.Exchange(ref _peakSet, set);
            if (heap > _peakHeap) Interlocked.Exchange(ref _peakHeap, heap);
        }
    }

    /// <summary>The process's resident high-water mark on Linux, which writing 5 to clear_refs resets.</summary>
    private static class LinuxPeak
    {
        public static bool TryReset()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                return false;
            }
        }

        public static long? Read()
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            return null;
        }
    }
}
