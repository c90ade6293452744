using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Recording;

/// <summary>
/// Records a dated fact about an item the one way the program does, whoever records it: a command,
/// a division's link, the coordinator's desk. The fact is checked against the record (FactRules),
/// the item's derived dates computed again (ItemDeadlines), and both are written together; when
/// another writer changed the item meanwhile, it is read again and the fact decided again.
/// </summary>
internal sealed class FactRecorder(ItemStore items, FactStore facts, CalendarSource calendars, TimeLimits limits, LedgerOptions ledger, TimeProvider clock)
{
    private const int Tries = 5;

    /// <summary>Records <paramref name="fact"/> about the item <paramref name="key"/>.</summary>
    public Task<RecordOutcome> RecordAsync(ItemKey key, LedgerFact fact, string by, string via, CancellationToken cancellationToken = default) =>
        RecordAsync(ct => items.FindAsync(key, ct), $"{key}", fact, by, via, null, cancellationToken);

    /// <summary>
    /// Records <paramref name="fact"/> about the item <paramref name="key"/> from a form that showed the item at
    /// <paramref name="version"/> (<see cref="StoredItem.UpdatedAt"/>): refused as <see cref="RecordOutcome.Refused.Stale"/>
    /// when the item was written since, so nobody records over what they have not seen.
    /// </summary>
    public Task<RecordOutcome> RecordAsync(ItemKey key, LedgerFact fact, string by, string via, DateTimeOffset version, CancellationToken cancellationToken = default) =>
        RecordAsync(ct => items.FindAsync(key, ct), $"{key}", fact, by, via, null, cancellationToken, version);

    /// <summary>Records <paramref name="fact"/> about the item with database id <paramref name="itemId"/>.</summary>
    public Task<RecordOutcome> RecordAsync(long itemId, LedgerFact fact, string by, string via, CancellationToken cancellationToken = default) =>
        RecordAsync(ct => items.FindByIdAsync(itemId, ct), $"#{itemId}", fact, by, via, null, cancellationToken);

    /// <summary>
    /// Records <paramref name="fact"/> from a division's <paramref name="link"/>: refused when the item is no
    /// longer assigned so (<see cref="Assignment"/>); the link's use is written with the fact, and a twin
    /// request that used the link first ends this one with <see cref="LinkUsedException"/>, nothing written.
    /// </summary>
    public Task<RecordOutcome> RecordAsync(long itemId, LedgerFact fact, string by, LinkUse link, CancellationToken cancellationToken = default) =>
        RecordAsync(ct => items.FindByIdAsync(itemId, ct), $"#{itemId}", fact, by, "link", link ?? throw new ArgumentNullException(nameof(link)), cancellationToken);

    private async Task<RecordOutcome> RecordAsync(
        Func<CancellationToken, Task<StoredItem?>> find, string name, LedgerFact fact, string by, string via, LinkUse? link, CancellationToken cancellationToken,
        DateTimeOffset? version = null)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var today = ledger.Today(clock);
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            var stored = await find(cancellationToken).ConfigureAwait(false);
            if (stored is null) return new RecordOutcome.NotFound($"台账中没有事项 {name} (no such item in the ledger)");
            if (IsStale(stored, version)) return RecordOutcome.Refused.Changed(stored);
            if (link is not null && fact.Division is { } linked && Assignment.Refusal(stored.Item, linked, fact.Kind) is { } moved) return new RecordOutcome.Refused(stored, moved);
            switch (FactRules.Apply(stored.Item, fact, today, new FactPolicy(calendar, ledger.MaxExtensionMonths)))
            {
                case FactResult.Refused refused:
                    return new RecordOutcome.Refused(stored, refused.Reason);
                case FactResult.Unchanged unchanged:
                    // A co-division's acknowledgement changes no column of the item: the fact itself is the record.
                    var keep = fact.Kind == FactKind.Acknowledgement && fact.Division is { } division && division != stored.Item.LeadDivision
                        && !await facts.HasAsync(stored.Id, fact.Kind, division, cancellationToken).ConfigureAwait(false);
                    // The item is written back unchanged so that its version decides between two writers of this
                    // acknowledgement (two links, a link and a command): the second reads again and finds the fact.
                    if (keep && !await facts.RecordAsync(stored, stored.Item, fact, by, via, link, cancellationToken).ConfigureAwait(false)) continue;
                    return new RecordOutcome.Recorded(stored with { Item = unchanged.Item }, Changed: keep);
                case FactResult.Applied applied:
                    var derived = ItemDeadlines.Derive(applied.Item, calendar, limits);
                    if (!await facts.RecordAsync(stored, derived, fact, by, via, link, cancellationToken).ConfigureAwait(false)) continue;
                    return new RecordOutcome.Recorded(stored with { Item = derived }, Changed: true);
            }
        }
        throw new StorageException($"事项 {name} 正被频繁修改, 请重试 (the item kept changing while the fact was recorded; try again)");
    }

    /// <summary>
    /// Takes back the latest fact of <paramref name="kind"/> (of <paramref name="division"/>, for an
    /// acknowledgement or a co-division's input) not already undone, unless a later fact rests on it.
    /// </summary>
    public Task<RecordOutcome> UndoAsync(ItemKey key, FactKind kind, string? division, string by, string reason, CancellationToken cancellationToken = default) =>
        UndoAsync(key, kind, division, by, reason, null, cancellationToken);

    /// <summary>As the overload without <paramref name="version"/>, refused as stale when the item was written since a form showed it at that version.</summary>
    public async Task<RecordOutcome> UndoAsync(
        ItemKey key, FactKind kind, string? division, string by, string reason, DateTimeOffset? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(reason)) return new RecordOutcome.NotFound("撤销需写明原因 --reason (an undo needs its reason)");
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            var stored = await items.FindAsync(key, cancellationToken).ConfigureAwait(false);
            if (stored is null) return new RecordOutcome.NotFound($"台账中没有事项 {key} (no such item in the ledger)");
            if (IsStale(stored, version)) return RecordOutcome.Refused.Changed(stored);
            if (kind == FactKind.CoInput && division is null) return new RecordOutcome.Refused(stored, "撤销协办意见送达需 --division 指明处室 (name the co-division with --division)");
            // Without --division an acknowledgement is the lead division's own.
            var standing = (await facts.ForItemAsync(stored.Id, cancellationToken).ConfigureAwait(false))
                .Where(f => f.Stands && f.Fact.Kind == kind && (division is null
                    ? f.Fact.Division is null || f.Fact.Division == stored.Item.LeadDivision
                    : f.Fact.Division == division)).ToList();
            if (standing.Count == 0)
            {
                var whose = division is null ? "" : $" ({division})";
                return new RecordOutcome.Refused(stored, $"没有可撤销的{kind.ChineseName()}{whose} (no {kind.Code()} on record to undo)");
            }
            var latest = standing[^1];
            switch (FactUndo.Apply(stored.Item, latest.Fact, standing.Take(standing.Count - 1).Select(f => f.Fact).ToList()))
            {
                case FactResult.Refused refused:
                    return new RecordOutcome.Refused(stored, refused.Reason);
                case FactResult.Unchanged unchanged:
                    return new RecordOutcome.Recorded(stored with { Item = unchanged.Item }, Changed: false);
                case FactResult.Applied applied:
                    var derived = ItemDeadlines.Derive(applied.Item, calendar, limits);
                    if (!await facts.UndoAsync(stored, derived, latest, by, reason.Trim(), cancellationToken).ConfigureAwait(false)) continue;
                    return new RecordOutcome.Recorded(stored with { Item = derived }, Changed: true);
            }
        }
        throw new StorageException($"事项 {key} 正被频繁修改, 请重试 (the item kept changing while the fact was undone; try again)");
    }

    // A form's version is the instant the item was last written when the form was shown; the retry after a
    // lost race reads the item again, finds it newer, and so refuses instead of deciding on what nobody saw.
    private static bool IsStale(StoredItem stored, DateTimeOffset? version) => version is { } seen && stored.UpdatedAt.UtcTicks != seen.UtcTicks;
}

/// <summary>What recording a fact came to.</summary>
internal abstract record RecordOutcome
{
    private RecordOutcome() { }

    /// <summary>Recorded; <paramref name="Changed"/> false when it was already on record.</summary>
    public sealed record Recorded(StoredItem Item, bool Changed) : RecordOutcome;

    /// <summary>The fact contradicts the record; <paramref name="Stale"/> when the form was of an older version of the item.</summary>
    public sealed record Refused(StoredItem Item, string Reason, bool Stale = false) : RecordOutcome
    {
        /// <summary>Refused because the item was written since the form showed it.</summary>
        public static Refused Changed(StoredItem item) => new(item, "已被他人修改, 请查看当前记录后再提交 (the item was changed by someone else since this form was shown; check the current record and submit again)", Stale: true);
    }

    /// <summary>No such item.</summary>
    public sealed record NotFound(string Reason) : RecordOutcome;
}
