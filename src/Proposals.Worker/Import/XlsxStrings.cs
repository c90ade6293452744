using System.Xml;

namespace Proposals.Worker.Import;

/// <summary>
/// The shared strings of an xlsx (its table of texts), the one part a sheet's cells point into at
/// random and so the one kept while the rows stream. Kept compactly: the characters in blocks of a
/// million, each string an index entry, no object per string; a string over the length limit keeps
/// only its length.
/// </summary>
internal sealed class XlsxStrings
{
    private const int BlockChars = 1 << 20;
    private readonly List<char[]> _blocks = [];
    private readonly List<Entry> _entries = [];
    private int _used = BlockChars;

    /// <summary>How many strings the table has.</summary>
    public int Count => _entries.Count;

    /// <summary>Reads the shared strings part; none when the workbook has no such part.</summary>
    /// <exception cref="ImportFileException">The table holds more strings or more text than the limits allow in memory.</exception>
    public static XlsxStrings Read(XlsxPackage package, ImportOptions options, CancellationToken cancellationToken)
    {
        var strings = new XlsxStrings();
        if (package.SharedStrings is not { } part) return strings;
        // At most a quarter of the file limit in memory (two bytes a character): a million ledger rows
        // need some 60 MB; more is a table made to fill memory.
        var budget = options.MaxFileBytes / 8;
        var text = new XlsxText(options.MaxFieldLength);
        using var reader = package.Read(part);
        long total = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
            {
                reader.Read();
                continue;
            }
            if ((strings.Count & 0x3FF) == 0) cancellationToken.ThrowIfCancellationRequested();
            // Counted before it is kept, empty ones too: each entry costs memory of its own, so a
            // table of millions of <si/> fills memory without a single character.
            if (strings.Count >= options.MaxSharedStrings) throw ImportLimits.TooManySharedStrings(package.Path, part, options);
            text.Clear();
            text.AddRich(reader);
            total += text.Kept.Length;
            if (total > budget) throw ImportLimits.SharedStringsTooLarge(package.Path, part, budget * 2 / 1024 / 1024);
            strings.Add(text);
        }
        return strings;
    }

    /// <summary>The string at <paramref name="index"/>, or a <see cref="TooLongCell"/>; null when there is no such index.</summary>
    public object? Get(int index)
    {
        if (index < 0 || index >= _entries.Count) return null;
        var e = _entries[index];
        return e.Length < 0 ? new TooLongCell(-(long)e.Length) : new string(_blocks[e.Block], e.Start, e.Length);
    }

    private void Add(XlsxText text)
    {
        if (text.TooLong)
        {
            _entries.Add(new Entry(0, 0, -(int)Math.Min(text.Length, int.MaxValue)));
            return;
        }
        var kept = text.Kept;
        // The first string opens the first block, even an empty one.
        if (_blocks.Count == 0 || _used + kept.Length > BlockChars)
        {
            _blocks.Add(new char[Math.Max(BlockChars, kept.Length)]);
            _used = 0;
        }
        kept.CopyTo(_blocks[^1].AsSpan(_used));
        _entries.Add(new Entry(_blocks.Count - 1, _used, kept.Length));
        _used += kept.Length;
    }

    // Twelve bytes a string; a negative length is the length of a string too long to keep.
    private readonly record struct Entry(int Block, int Start, int Length);
}
