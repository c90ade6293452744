using Proposals.Domain.Ledger;
using Proposals.Storage;
using C = Proposals.Worker.Import.ProposalColumns;

namespace Proposals.Worker.Import;

/// <summary>
/// Refuses a 编号 that Excel has most likely renumbered: a numeric xlsx cell (Excel drops a number's
/// leading zeros, 0012 becomes 12), or a new number that differs from a stored one of the same kind
/// and session only in leading zeros, which would add a second item where the user meant the first.
/// Both pass with <c>--allow-renumber</c>. Only the numbers new to the ledger are looked for, with
/// the paddings the stored numbers of that kind and session actually have.
/// </summary>
internal sealed class Renumbering(IItemLedger ledger)
{
    private const string Hint = "请在 Excel 中把编号列设置为“文本”格式后按原编号填写；编号确实如此时加 --allow-renumber";
    private const string EnglishHint = "format the column as text and type the numbers as written, or pass --allow-renumber if they are right";

    private readonly Dictionary<(ItemKind, string), StoredNumbers> _numbers = [];

    /// <summary>Records a problem on each draft of the chunk whose number was renumbered.</summary>
    public async Task CheckAsync(IReadOnlyList<ProposalDraft> drafts, IReadOnlyDictionary<ItemKey, StoredItem> stored, CancellationToken cancellationToken)
    {
        var variants = new Dictionary<ItemKey, List<ItemKey>>();
        foreach (var draft in drafts)
        {
            if (draft.Key is not { } key || stored.ContainsKey(key) || variants.ContainsKey(key)) continue;
            var numbers = await NumbersAsync(key.Kind, key.Session, cancellationToken).ConfigureAwait(false);
            if (numbers.None) continue;
            var list = Variants(key.Number, numbers).Select(n => key with { Number = n }).ToList();
            if (list.Count > 0) variants[key] = list;
        }
        var found = variants.Count == 0
            ? new Dictionary<ItemKey, StoredItem>()
            : await ledger.FindAsync(variants.Values.SelectMany(v => v).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var draft in drafts)
        {
            if (draft.Key is not { } key) continue;
            var existing = variants.TryGetValue(key, out var list) ? list.FirstOrDefault(found.ContainsKey)?.Number : null;
            if (draft.NumberWasNumeric)
            {
                var known = existing is null ? "" : $"，已有编号 {CellText.Quote(existing)}";
                var english = existing is null ? "" : $"; the ledger has {CellText.Quote(existing)}";
                draft.Row.Problem(C.Number, $"编号是数字单元格 {CellText.Quote(key.Number)}，Excel 会去掉数字的前导零{known}。{Hint} " +
                    $"(the number is a numeric cell {CellText.Quote(key.Number)}, and Excel drops leading zeros{english}; {EnglishHint})");
            }
            else if (existing is not null)
            {
                draft.Row.Problem(C.Number, $"编号 {CellText.Quote(key.Number)} 与已有的 {CellText.Quote(existing)}（同类别、同届次）只差前导零。{Hint} " +
                    $"(the number {CellText.Quote(key.Number)} differs from the existing {CellText.Quote(existing)} of the same kind and session only in leading zeros; {EnglishHint})");
            }
        }
    }

    /// <summary>The numbers that differ from <paramref name="number"/> only in leading zeros, among the shapes <paramref name="numbers"/> has.</summary>
    public static IEnumerable<string> Variants(string number, StoredNumbers numbers)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(numbers);
        var bare = number.TrimStart('0');
        if (bare.Length == 0) yield break;
        if (bare != number && numbers.AnyWithoutLeadingZero) yield return bare;
        foreach (var length in numbers.LeadingZeroLengths)
        {
            if (length > bare.Length && length != number.Length) yield return new string('0', length - bare.Length) + bare;
        }
    }

    // Asked once per kind and session, before this import writes any item of it.
    private async Task<StoredNumbers> NumbersAsync(ItemKind kind, string session, CancellationToken cancellationToken)
    {
        if (_numbers.TryGetValue((kind, session), out var known)) return known;
        return _numbers[(kind, session)] = await ledger.NumbersAsync(kind, session, cancellationToken).ConfigureAwait(false);
    }
}
