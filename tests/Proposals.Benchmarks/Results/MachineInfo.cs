using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Proposals.Benchmarks.Bare;

namespace Proposals.Benchmarks.Results;

/// <summary>What the numbers were measured on: the machine, the runtime, the database's version, the program.</summary>
internal static class MachineInfo
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(RawDatabase database, string program, string repository)
    {
        var memory = MemoryGiB() is { } gib ? string.Create(CultureInfo.InvariantCulture, $"{gib:F1} GiB memory") : "memory unknown";
        return
        [
            $"machine: {Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} cores, {memory}, {OperatingSystem()}, .NET {Environment.Version.ToString()}",
            $"database: {await DatabaseVersionAsync(database).ConfigureAwait(false)}",
            $"program: {program} ({GcMode(program)}), commit {Commit(repository)}",
        ];
    }

    private static double? MemoryGiB()
    {
        const string Key = "MemTotal:";
        if (!File.Exists("/proc/meminfo")) return null;
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal));
        return line is not null && long.TryParse(line[Key.Length..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? kb / 1024.0 / 1024.0
            : null;
    }

    private static string OperatingSystem()
    {
        const string Key = "PRETTY_NAME=";
        if (File.Exists("/etc/os-release"))
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal));
            if (line is not null) return line[Key.Length..].Trim('"') + $" ({RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()})";
        }
        return RuntimeInformation.OSDescription;
    }

    private static async Task<string> DatabaseVersionAsync(RawDatabase database)
    {
        if (!database.IsPostgres)
        {
            // The same Microsoft.Data.Sqlite (and bundled SQLite) version as the program's.
            await using var memory = new SqliteConnection("Data Source=:memory:");
            await memory.OpenAsync().ConfigureAwait(false);
            return $"SQLite {memory.ServerVersion}, a file in the temporary folder";
        }
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW server_version";
        return $"PostgreSQL {await command.ExecuteScalarAsync().ConfigureAwait(false)}, a throwaway cluster (ops/postgres.sh)";
    }

    // The Web SDK turns server GC on: it changes how much memory a process takes, so say which it is.
    private static string GcMode(string program)
    {
        var config = Path.ChangeExtension(program.EndsWith(".dll", StringComparison.Ordinal) ? program : program + ".dll", ".runtimeconfig.json");
        if (!File.Exists(config)) return "GC mode unknown";
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var server = json.RootElement.TryGetProperty("runtimeOptions", out var options)
                     && options.TryGetProperty("configProperties", out var properties)
                     && properties.TryGetProperty("System.GC.Server", out var value)
                     && value.ValueKind == JsonValueKind.True;
        return server ? "server GC" : "workstation GC";
    }

    private static string Commit(string repository)
    {
        try
        {
            var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-C", repository, "describe", "--always", "--dirty" }) start.ArgumentList.Add(a);
            using var git = Process.Start(start);
            if (git is null) return "unknown";
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && text.Length > 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
