using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>
/// What one chunk of an import adds to the items' history: the facts the ledger did not hold, the
/// recorded facts the file won over (to be marked undone), and each change of a descriptive column.
/// </summary>
internal sealed class ImportHistory
{
    private readonly Dictionary<ItemKey, List<LedgerFact>> _facts = [];
    private readonly Dictionary<ItemKey, List<(string Field, string? Old, string? New)>> _changes = [];

    /// <summary>The recorded facts to mark undone (replaced by the file's, or the former lead's after a reassignment), with why.</summary>
    public Dictionary<long, string> Undone { get; } = [];

    /// <summary>The facts to write, by item.</summary>
    public IReadOnlyDictionary<ItemKey, List<LedgerFact>> Facts => _facts;

    /// <summary>The descriptive changes to write, by item.</summary>
    public IReadOnlyDictionary<ItemKey, List<(string Field, string? Old, string? New)>> Changes => _changes;

    /// <summary>Whether there is anything to write.</summary>
    public bool IsEmpty => _facts.Count == 0 && _changes.Count == 0 && Undone.Count == 0;

    /// <summary>Adds what writing <paramref name="merged"/> over <paramref name="stored"/> (null: a new item) records.</summary>
    public void Add(ItemKey key, Item? stored, Item merged, IReadOnlyList<RecordedFact> history)
    {
        var (facts, undone) = FileFacts.Changes(stored, merged, history);
        if (facts.Count > 0) _facts[key] = facts;
        var why = stored is not null && stored.LeadDivision != merged.LeadDivision
            ? $"主办处室由 {stored.LeadDivision} 改为 {merged.LeadDivision} (reassigned to {merged.LeadDivision})"
            : "导入文件优先 (--file-wins)";
        foreach (var id in undone) Undone[id] = why;
        if (stored is not null && StoredDescription.Changes(stored, merged) is { Count: > 0 } changes) _changes[key] = changes;
    }
}
