using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// smtp4dev, the real SMTP server the tests use (the local dotnet tool in .config/dotnet-tools.json,
/// restored by ops/bench.sh), started as the tests start it: on 127.0.0.1 only, plain SMTP, an
/// in-memory store. It keeps as many messages as the run sends (its default keeps 100), so that its
/// REST API can count every arrival.
/// </summary>
internal sealed class Smtp4devServer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly string _appData;
    private readonly StringBuilder _output = new();

    private Smtp4devServer(Process process, HttpClient http, string appData, int smtpPort)
    {
        _process = process;
        _http = http;
        _appData = appData;
        SmtpPort = smtpPort;
    }

    public int SmtpPort { get; }

    public static async Task<Smtp4devServer> StartAsync(string repositoryRoot, string folder, int keep)
    {
        var smtp = ProgramSettings.FreePort();
        var web = ProgramSettings.FreePort();
        while (web == smtp) web = ProgramSettings.FreePort();
        var appData = Path.Combine(folder, "smtp4dev");
        Directory.CreateDirectory(appData);
        var start = new ProcessStartInfo(ProgramUnderTest.Dotnet)
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{Text(web)}", $"--smtpport={Text(smtp)}",
            "--bindaddress=127.0.0.1", "--disableipv6", "--tlsmode=None", "--imapport=", "--pop3port=", "--db=",
            "--nousersettings", $"--baseappdatapath={appData}", $"--messagestokeep={Text(keep)}",
        })
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("`dotnet tool run smtp4dev` did not start");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Text(web)}/"), Timeout = TimeSpan.FromSeconds(30) };
        var server = new Smtp4devServer(process, http, appData, smtp);
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit)
        {
            if (process.HasExited) break;
            try
            {
                await server.CountAsync().ConfigureAwait(false);
                return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250).ConfigureAwait(false);
        }
        var output = server.Output;
        await server.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException(
            $"smtp4dev did not answer within {StartLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s " +
            $"(run `dotnet tool restore` in {repositoryRoot}); it said: {output}");
    }

    /// <summary>How many messages it holds (GET /api/messages: the page's rowCount).</summary>
    public async Task<long> CountAsync()
    {
        await using var stream = await _http.GetStreamAsync(new Uri("api/messages?pageSize=1", UriKind.Relative)).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
        return json.RootElement.GetProperty("rowCount").GetInt64();
    }

    /// <summary>Deletes every message (DELETE /api/messages/*).</summary>
    public async Task ClearAsync()
    {
        using var response = await _http.DeleteAsync(new Uri("api/messages/*", UriKind.Relative)).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits until <paramref name="expected"/> messages are counted, or the count has not moved for
    /// a few seconds (the server stores each message a moment after accepting it); returns the count.
    /// </summary>
    public async Task<long> WaitForAsync(long expected)
    {
        var quiet = Stopwatch.StartNew();
        var last = -1L;
        while (true)
        {
            var count = await CountAsync().ConfigureAwait(false);
            if (count >= expected) return count;
            if (count != last)
            {
                last = count;
                quiet.Restart();
            }
            else if (quiet.Elapsed > TimeSpan.FromSeconds(5))
            {
                return count;
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        // `dotnet tool run` starts smtp4dev as a child process: stop both.
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
        try
        {
            Directory.Delete(_appData, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < 8000) _output.AppendLine(line);
        }
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
