using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>
/// A ledger that tells <see cref="ImportChanges"/> what each chunk does before passing it on: which items
/// are added, changed (the fields with old and new values, the facts added) or unchanged, and which
/// recorded facts the file wins over, with who recorded them. Whether anything is kept is the inner
/// ledger's and its transaction's business: the preview and the import are the same run.
/// </summary>
internal sealed class PreviewLedger(IItemLedger inner, ImportChanges changes) : IItemLedger
{
    private readonly Dictionary<long, List<RecordedFact>> _histories = [];

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ItemKey, StoredItem>> FindAsync(IReadOnlyCollection<ItemKey> keys, CancellationToken cancellationToken) =>
        inner.FindAsync(keys, cancellationToken);

    /// <inheritdoc />
    public Task<StoredNumbers> NumbersAsync(ItemKind kind, string session, CancellationToken cancellationToken) => inner.NumbersAsync(kind, session, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, List<RecordedFact>>> HistoryAsync(IReadOnlyCollection<long> itemIds, CancellationToken cancellationToken)
    {
        var histories = await inner.HistoryAsync(itemIds, cancellationToken).ConfigureAwait(false);
        foreach (var (id, facts) in histories) _histories[id] = facts;
        return histories;
    }

    /// <inheritdoc />
    public Task<UpsertOutcome> WriteAsync(IReadOnlyList<Item> items, IReadOnlyDictionary<ItemKey, StoredItem> stored, ImportHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(history);
        var undone = history.Undone.Keys.ToHashSet();
        foreach (var item in items)
        {
            var subject = item.Key.ToString();
            if (!stored.TryGetValue(item.Key, out var old))
            {
                changes.Add(new ImportChange(ImportChangeKind.Added, subject, Join([item.Title, .. Facts(history, item.Key)])));
                continue;
            }
            var fields = history.Changes.TryGetValue(item.Key, out var c) ? c.Select(f => $"{f.Field}: {f.Old ?? "(空)"} → {f.New ?? "(空)"}") : [];
            var detail = Join([.. fields, .. Facts(history, item.Key)]);
            changes.Add(new ImportChange(detail.Length > 0 || ItemComparison.Differs(old.Item, item) ? ImportChangeKind.Changed : ImportChangeKind.Unchanged, subject, detail));
            if (_histories.TryGetValue(old.Id, out var recorded))
            {
                foreach (var fact in recorded.Where(f => undone.Contains(f.Id)))
                {
                    changes.Add(new ImportChange(ImportChangeKind.Conflict, subject,
                        $"台账记录的 {ImportChange.Fact(fact.Fact)}（{ImportChange.Recorder(fact)} 记录）将被撤销, 以文件为准 (the recorded fact is undone; the file's stands)"));
                }
            }
        }
        return inner.WriteAsync(items, stored, history, cancellationToken);
    }

    /// <inheritdoc />
    public Task AbandonAsync() => inner.AbandonAsync();

    private static IEnumerable<string> Facts(ImportHistory history, ItemKey key) =>
        history.Facts.TryGetValue(key, out var facts) ? facts.Select(f => "+" + ImportChange.Fact(f)) : [];

    private static string Join(IEnumerable<string> parts) => string.Join("; ", parts.Where(p => p.Length > 0));
}
