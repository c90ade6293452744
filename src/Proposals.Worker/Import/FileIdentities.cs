using System.Security.Cryptography;
using System.Text;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>
/// The identities already seen in a file, to find a number given twice, kept compactly: a
/// million rows take some 40 MB as 128-bit digests with their row numbers, where the keys as
/// strings would take several times that. SHA-256 cut to 128 bits makes two different identities
/// that look the same as unlikely as anything gets (about 1 in 10^26 for a million rows).
/// </summary>
internal sealed class FileIdentities
{
    private readonly Dictionary<UInt128, int> _firstRow = [];

    /// <summary>The row where <paramref name="key"/> was first seen, or null, in which case it is now seen at <paramref name="row"/>.</summary>
    public int? SeenBefore(ItemKey key, int row)
    {
        ArgumentNullException.ThrowIfNull(key);
        // The separator cannot occur inside a field: control characters are refused.
        var text = $"{key.Kind.Code()}\u0001{key.Session}\u0001{key.Number}";
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        var id = new UInt128(BitConverter.ToUInt64(digest), BitConverter.ToUInt64(digest[8..]));
        if (_firstRow.TryGetValue(id, out var first)) return first;
        _firstRow[id] = row;
        return null;
    }
}
