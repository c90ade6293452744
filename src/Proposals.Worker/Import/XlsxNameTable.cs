using System.Xml;

namespace Proposals.Worker.Import;

/// <summary>
/// The names an XML reader keeps for one xlsx part, counted: the reader keeps every distinct element
/// and attribute name (and prefix) it meets for the life of the part, so a part made of millions of
/// invented names would fill memory while nothing else is held. A real part uses a few dozen.
/// </summary>
internal sealed class XlsxNameTable(string part, string path) : NameTable
{
    /// <summary>The most distinct names a part may use.</summary>
    public const int MaxNames = 10_000;

    private int _count;

    /// <inheritdoc />
    public override string Add(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key) ?? Count(base.Add(key));
    }

    /// <inheritdoc />
    public override string Add(char[] key, int start, int len) => Get(key, start, len) ?? Count(base.Add(key, start, len));

    private string Count(string added)
    {
        if (++_count > MaxNames) throw ImportLimits.TooManyNames(path, part, MaxNames);
        return added;
    }
}
