using System.Text;
using Proposals.Benchmarks.Generation;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// Reads back a file the harness wrote (<see cref="LedgerCsv"/>): one line at a time, split on
/// commas, which no generated value contains. The least a reader of that file can do.
/// </summary>
internal static class CsvRows
{
    /// <summary>The fields of each row after the header, in <see cref="LedgerCsv.ItemHeader"/> order.</summary>
    public static IEnumerable<string[]> Read(string path)
    {
        // StreamReader drops the byte order mark.
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path} is empty");
        if (!header.SequenceEqual(LedgerCsv.ItemHeader, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{path}: not a file this harness wrote (header {string.Join(',', header)})");
        }
        while (reader.ReadLine() is { } line)
        {
            yield return line.Split(',');
        }
    }
}
