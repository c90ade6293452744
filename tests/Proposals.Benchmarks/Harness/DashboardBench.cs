using System.Diagnostics;
using System.Globalization;
using System.Net;
using Proposals.Benchmarks.Results;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// The dashboard's 办理进度 (progress) and 催办记录 (reminders) pages on the large ledger: the
/// worker started with <c>proposals run</c>, /health waited for, each page fetched twice (the
/// first fetch may warm caches) and timed to its last byte. A 404 means the page does not exist
/// yet: reported as n/a, not as a failure.
/// </summary>
internal sealed class DashboardBench(BenchContext context)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    private static readonly (string Name, string Path)[] Pages =
    [
        ("办理进度 page", "hangfire/progress"),
        ("催办记录 page", "hangfire/reminders"),
    ];

    private const string HomeOperation = "GET /hangfire (the dashboard's home, for reference)";

    private readonly Recorder _recorder = context.Recorder;

    public async Task RunAsync()
    {
        const string Operation = "proposals run: start until /health answers";
        _recorder.Begin(Operation);
        var port = ProgramSettings.FreePort();
        var settings = ProgramSettings.Ledger(context.Workspace.Ledger).WithQuietDashboard(port);
        await using var worker = context.Program.Start(context.Workspace.Folder("run-dashboard"), ["run"], settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = context.Options.Limit };
        var health = await WaitForHealthAsync(worker, http).ConfigureAwait(false);
        if (health is null)
        {
            var exited = worker.HasExited;
            await worker.StopAsync().ConfigureAwait(false);
            _recorder.Add(new Measurement(Operation, null, worker.Elapsed.TotalSeconds, worker.PeakRssMb,
                exited ? "the worker exited" : $"no answer within {StartLimit.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min",
                Failed: true, ExitCode: exited ? worker.ExitCode : null, Stderr: await worker.StderrHeadAsync().ConfigureAwait(false)));
            return;
        }
        _recorder.Add(new Measurement(Operation, null, worker.Elapsed.TotalSeconds, worker.PeakRssMb, $"HTTP {(int)health.Value}"));
        // The dashboard's home first: if it is not there either, a page's 404 would say nothing.
        _recorder.Begin(HomeOperation);
        var home = await GetAsync(HomeOperation, http, "hangfire", worker).ConfigureAwait(false);
        _recorder.Add(home.Seconds is null ? home with { Failed = true } : home);
        foreach (var (name, path) in Pages)
        {
            for (var pass = 1; pass <= 2; pass++)
            {
                var operation = $"GET /{path} ({name}, #{pass.ToString(CultureInfo.InvariantCulture)})";
                _recorder.Begin(operation);
                _recorder.Add(await GetAsync(operation, http, path, worker).ConfigureAwait(false));
            }
        }
        await worker.StopAsync().ConfigureAwait(false);
    }

    private static async Task<Measurement> GetAsync(string operation, HttpClient http, string path, ChildProcess worker)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
            var bytes = (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
            watch.Stop();
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new Measurement(operation, null, null, worker.PeakRssMb, "n/a: 404, the page does not exist yet");
            }
            var note = string.Create(CultureInfo.InvariantCulture, $"HTTP {status}, {bytes / 1024.0:F0} KB; worker's peak RSS so far");
            return new Measurement(operation, null, watch.Elapsed.TotalSeconds, worker.PeakRssMb, note, Failed: !response.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Measurement(operation, null, watch.Elapsed.TotalSeconds, worker.PeakRssMb, e.Message, Failed: true);
        }
    }

    /// <summary>The first answer of /health, whatever its status (a worker that answers is up); null when it exits or never answers.</summary>
    private static async Task<HttpStatusCode?> WaitForHealthAsync(ChildProcess worker, HttpClient http)
    {
        while (worker.Elapsed < StartLimit && !worker.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative)).ConfigureAwait(false);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
        return null;
    }
}
