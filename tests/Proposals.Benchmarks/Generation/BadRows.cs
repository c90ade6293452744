namespace Proposals.Benchmarks.Generation;

/// <summary>
/// Spoils one field of some rows, each in a way the import must refuse whatever the rest of the
/// row says: a division not in the list, an impossible date, an unknown kind, an unknown
/// satisfaction word. The spoiled rows are spread evenly through the file.
/// </summary>
internal sealed class BadRows
{
    private const int Wanted = 1000;
    private readonly int _every;
    private readonly int _count;
    private int _spoiled;

    /// <summary>About 1,000 bad rows in <paramref name="rows"/> (one in 20 of a smaller file).</summary>
    public BadRows(int rows)
    {
        _count = Math.Min(Wanted, Math.Max(1, rows / 20));
        _every = Math.Max(1, rows / _count);
    }

    /// <summary>How many rows were spoiled.</summary>
    public int Spoiled => _spoiled;

    /// <summary>Spoils <paramref name="fields"/> in place when row <paramref name="index"/> (0-based) is one to spoil.</summary>
    public void Apply(int index, string[] fields)
    {
        if (_spoiled >= _count || index % _every != _every / 2) return;
        var column = (_spoiled % 4) switch
        {
            0 => ("主办处室", "不存在处"),
            1 => ("交办日期", "2025-13-45"),
            2 => ("类别", "议案"),
            _ => ("满意度", "很好"),
        };
        fields[Array.IndexOf(LedgerCsv.ItemHeader, column.Item1)] = column.Item2;
        _spoiled++;
    }
}
