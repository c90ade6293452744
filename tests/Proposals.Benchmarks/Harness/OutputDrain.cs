using System.Text;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// Reads a child's output to the end, as fast as it comes, so that a large output (a million-item
/// list) never blocks the child on a full pipe: standard output counted (and kept when small and
/// asked for), standard error kept to its first lines for the failure report.
/// </summary>
internal static class OutputDrain
{
    private const int HeadLines = 12;
    private const int LineWidth = 300;
    private const int KeptBytes = 1 << 20;

    public static async Task<(string Text, long Bytes)> StdoutAsync(Stream stream, bool keep)
    {
        var buffer = new byte[1 << 16];
        using var kept = new MemoryStream();
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (keep && kept.Length < KeptBytes) kept.Write(buffer, 0, read);
        }
        return (Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length), total);
    }

    public static async Task<IReadOnlyList<string>> StderrHeadAsync(StreamReader reader)
    {
        var head = new List<string>();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (head.Count < HeadLines && line.Trim().Length > 0) head.Add(line.Length > LineWidth ? line[..LineWidth] + "…" : line);
        }
        return head;
    }
}
