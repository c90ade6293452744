using System.Security.Cryptography;
using System.Text;

namespace Proposals.Worker.Import;

/// <summary>
/// The changes an import makes, collected while it runs: every one counted and hashed (the fingerprint a
/// confirm is held to), the first <see cref="MaxListed"/> added, changed and conflicting ones kept to list.
/// </summary>
internal sealed class ImportChanges : IDisposable
{
    /// <summary>How many changes a preview lists before it only counts the rest.</summary>
    public const int MaxListed = 2000;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<ImportChange> _listed = [];
    private readonly Dictionary<ImportChangeKind, int> _counts = [];

    /// <summary>The changes listed, in file order (unchanged ones are only counted).</summary>
    public IReadOnlyList<ImportChange> Listed => _listed;

    /// <summary>How many of a kind there were.</summary>
    public int Count(ImportChangeKind kind) => _counts.GetValueOrDefault(kind);

    /// <summary>Adds one change.</summary>
    public void Add(ImportChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _counts[change.Kind] = Count(change.Kind) + 1;
        _hash.AppendData(Encoding.UTF8.GetBytes($"{change.Kind}\u001f{change.Subject}\u001f{change.Detail}\u001e"));
        if (change.Kind != ImportChangeKind.Unchanged && _listed.Count < MaxListed) _listed.Add(change);
    }

    /// <summary>The hash of every change so far, as hex.</summary>
    public string Fingerprint() => Convert.ToHexString(_hash.GetCurrentHash());

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
