using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Serialization;

namespace Proposals.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the tests: smtp4dev (the local dotnet tool in .config/dotnet-tools.json),
/// started on 127.0.0.1 with an in-memory store and read back through its REST API.
/// When it cannot start, every test using it fails saying why; nothing is skipped.
/// </summary>
public class Smtp4dev : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly StringBuilder _output = new();
    private readonly string _appData = Path.Combine(Path.GetTempPath(), "proposals-smtp4dev-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private readonly string _tlsMode;
    private HttpClient? _http;

    /// <summary>An smtp4dev speaking plain SMTP.</summary>
    public Smtp4dev() : this("None") { }

    /// <summary>An smtp4dev in the given TLS mode (None, StartTls, ImplicitTls; a self-signed certificate).</summary>
    protected Smtp4dev(string tlsMode) => _tlsMode = tlsMode;

    /// <summary>The SMTP port on 127.0.0.1.</summary>
    public int SmtpPort { get; private set; }

    /// <summary>A message as the API lists it.</summary>
    public sealed record Message(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string[] To,
        [property: JsonPropertyName("attachmentCount")] int AttachmentCount);

    private sealed record Page([property: JsonPropertyName("results")] Message[] Results);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var smtp = Ports.Free();
        var web = Ports.Free();
        while (web == smtp) web = Ports.Free();
        SmtpPort = smtp;
        Directory.CreateDirectory(_appData);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{web}", $"--smtpport={smtp}",
            "--bindaddress=127.0.0.1", "--disableipv6", $"--tlsmode={_tlsMode}", "--imapport=", "--pop3port=",
            "--db=", "--nousersettings", $"--baseappdatapath={_appData}",
        })
            start.ArgumentList.Add(argument);

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e)
        {
            throw Failure($"`dotnet tool run smtp4dev` could not be started in {root}: {e.Message}");
        }
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{web}/"), Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // lets the last lines of its output arrive
                throw Failure($"smtp4dev exited with code {_process.ExitCode} before answering");
            }
            try
            {
                using var response = await _http.GetAsync("api/messages");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw Failure($"smtp4dev did not answer on http://127.0.0.1:{web}/api/messages within {StartLimit.TotalSeconds} s");
    }

    /// <summary>Every message received, newest first.</summary>
    public async Task<IReadOnlyList<Message>> GetMessagesAsync()
    {
        var page = await Http.GetFromJsonAsync<Page>("api/messages?pageSize=1000");
        return page?.Results ?? [];
    }

    /// <summary>The message exactly as it arrived over SMTP.</summary>
    public Task<byte[]> GetRawAsync(string id) => Http.GetByteArrayAsync($"api/messages/{Uri.EscapeDataString(id)}/raw");

    /// <summary>Deletes every message.</summary>
    public async Task ClearAsync()
    {
        using var response = await Http.DeleteAsync("api/messages/*");
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_process is { HasExited: false })
        {
            // `dotnet tool run` starts smtp4dev as a child process: stop both.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_appData, recursive: true); }
        catch (IOException) { }
    }

    private HttpClient Http => _http ?? throw new InvalidOperationException("smtp4dev is not running");

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private InvalidOperationException Failure(string why)
    {
        string output;
        lock (_output) output = _output.ToString();
        if (_process is { HasExited: false })
            _process.Kill(entireProcessTree: true);
        return new InvalidOperationException(
            $"SMTP TESTS CANNOT RUN: {why}.{Environment.NewLine}" +
            $"smtp4dev is a local dotnet tool: run `dotnet tool restore` in the repository root first.{Environment.NewLine}" +
            $"Its output:{Environment.NewLine}{output}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Proposals.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"SMTP TESTS CANNOT RUN: no Proposals.sln above {AppContext.BaseDirectory}, so the dotnet tool manifest cannot be found");
    }

}

/// <summary>An smtp4dev that speaks TLS from the first byte, with a self-signed certificate.</summary>
public sealed class Smtp4devTls : Smtp4dev
{
    /// <summary>Starts in ImplicitTls mode.</summary>
    public Smtp4devTls() : base("ImplicitTls") { }
}

/// <summary>The tests that share the TLS smtp4dev.</summary>
[CollectionDefinition(Name)]
public sealed class Smtp4devTlsCollection : ICollectionFixture<Smtp4devTls>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "smtp4dev-tls";
}

/// <summary>The tests that share one smtp4dev.</summary>
[CollectionDefinition(Name)]
public sealed class Smtp4devCollection : ICollectionFixture<Smtp4dev>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "smtp4dev";
}
