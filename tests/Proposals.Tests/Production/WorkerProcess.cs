using System.Diagnostics;
using System.Text;

namespace Proposals.Tests.Production;

/// <summary>
/// One <c>proposals</c> program as an operating-system process of its own (<c>dotnet proposals.dll</c>
/// from the test output, where the build copies the worker), with settings in its environment as a
/// deployment gives them, and everything it writes kept for the test to read.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>What the test calls it in its output.</summary>
    public string Name { get; }

    /// <summary>The process id, which the worker writes into the reminder record as part of its sender name.</summary>
    public int Id => _process.Id;

    /// <summary>The name the worker claims reminders under: host and process (Lease.Process).</summary>
    public string SenderName => $"{Environment.MachineName}:{Id}";

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything written to standard output and standard error so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts <c>dotnet proposals.dll <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static WorkerProcess Start(string name, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "proposals.dll");
        if (!File.Exists(program)) throw new InvalidOperationException($"{program} is missing: the test project should copy the worker into its output");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        var worker = new WorkerProcess(name, process);
        process.OutputDataReceived += (_, e) => worker.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL on Linux: no shutdown, no finally blocks, claims left as they stand.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself, at most <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            _process.WaitForExit(); // lets the last lines of its output arrive
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }
}
