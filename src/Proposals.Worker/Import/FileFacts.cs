using Proposals.Domain.Ledger;
using Proposals.Storage;
using C = Proposals.Worker.Import.ProposalColumns;

namespace Proposals.Worker.Import;

/// <summary>
/// A ledger file is one more source of facts, never a reason to forget one. For each fact (签收, 答复,
/// 协办意见送达, 测评, 重新答复, 公开, 延期, 退回) an empty cell is "no news": the ledger keeps what it
/// holds. A cell that states what the ledger holds changes nothing; one that states a fact the ledger
/// lacks adds it to the history (via import). A cell that contradicts a recorded fact, or restates one
/// that was taken back, is a conflict: the import lists it and writes nothing, unless the file wins
/// (<c>--file-wins</c>), when the recorded fact is marked undone and the file's stands in its place.
/// </summary>
internal static class FileFacts
{
    /// <summary>
    /// <paramref name="file"/> (the row's item: its descriptive columns as the file gives them) with every fact
    /// merged from <paramref name="stored"/>; conflicts are recorded on the row unless <paramref name="fileWins"/>.
    /// </summary>
    public static Item Merge(Item file, Item stored, IReadOnlyList<RecordedFact> history, LedgerRow row, bool fileWins)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(stored);
        if (FactColumn.SaysNothingNew(file, stored)) return FactColumn.AllFrom(file, stored);
        var merged = file;
        foreach (var column in FactColumn.All)
        {
            // Each part: the file's where it gives one, else the ledger's.
            merged = column.CopyFrom(column.CopyFrom(merged, stored), file);
            var said = column.Parts(file);
            var held = column.Parts(stored);
            if (said.All(p => p is null) || fileWins) continue;
            if (Contradicts(said, held) is { } part)
            {
                row.Problem(column.ColumnOf(part), Conflict(column.Name, Shown(held), Shown(said), Recorder(history, column, stored)));
            }
            else if (held.All(p => p is null) && history.LastOrDefault(f => !f.Stands && column.Restates(f.Fact, said) && (f.Fact.Division is null || f.Fact.Division == file.LeadDivision)) is { } undone)
            {
                row.Problem(column.Column, Undone(column.Name, Shown(said), undone));
            }
        }
        return merged with { CoInputs = CoInputs(file, stored, history, row, fileWins) };
    }

    /// <summary>
    /// The history an import writes for one item: a fact for each one the ledger did not hold, and, where
    /// the file won over a recorded fact, that fact's id to mark undone.
    /// </summary>
    public static (List<LedgerFact> Facts, List<long> Undone) Changes(Item? stored, Item merged, IReadOnlyList<RecordedFact> history)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var facts = new List<LedgerFact>();
        var undone = new List<long>();
        foreach (var column in FactColumn.All)
        {
            var now = column.AsFact(merged);
            var before = stored is null ? null : column.AsFact(stored);
            if (before is not null && column.Parts(stored!).SequenceEqual(column.Parts(merged))) continue;
            if (before is not null && history.LastOrDefault(f => f.Stands && column.Same(f.Fact, stored!)) is { } replaced) undone.Add(replaced.Id);
            if (now is not null) facts.Add(now);
        }
        foreach (var input in merged.CoInputs)
        {
            var before = stored?.CoInputs.FirstOrDefault(c => c.Division == input.Division);
            if (before == input) continue;
            if (before is not null && history.LastOrDefault(f => f.Stands && f.Fact.Kind == FactKind.CoInput && f.Fact.Division == input.Division) is { } replaced)
            {
                undone.Add(replaced.Id);
            }
            facts.Add(new LedgerFact(FactKind.CoInput, input.DeliveredOn, input.Division));
        }
        return (facts, undone);
    }

    // One fact a co-division: the ledger's, with the file's for divisions it lacks.
    private static List<CoInput> CoInputs(Item file, Item stored, IReadOnlyList<RecordedFact> history, LedgerRow row, bool fileWins)
    {
        var inputs = stored.CoInputs.ToList();
        foreach (var said in file.CoInputs)
        {
            var at = inputs.FindIndex(c => c.Division == said.Division);
            if (at >= 0 && inputs[at].DeliveredOn != said.DeliveredOn)
            {
                if (fileWins) inputs[at] = said;
                else row.Problem(C.CoInputs, Conflict($"{said.Division} 的协办意见送达", ProposalRow.Iso(inputs[at].DeliveredOn), ProposalRow.Iso(said.DeliveredOn),
                    history.LastOrDefault(f => f.Stands && f.Fact.Kind == FactKind.CoInput && f.Fact.Division == said.Division)));
                continue;
            }
            if (at >= 0) continue;
            if (!fileWins && history.LastOrDefault(f => !f.Stands && f.Fact.Kind == FactKind.CoInput && f.Fact.Division == said.Division && f.Fact.On == said.DeliveredOn) is { } undone)
            {
                row.Problem(C.CoInputs, Undone($"{said.Division} 的协办意见送达", ProposalRow.Iso(said.DeliveredOn), undone));
                continue;
            }
            inputs.Add(said);
        }
        return inputs;
    }

    // Every part the file gives must be the ledger's where the ledger has one: the first that is not, or null.
    // A part the ledger lacks while it holds the fact (a reply class, an approval date) is news, not a contradiction.
    private static int? Contradicts(string?[] said, string?[] held)
    {
        if (held.All(p => p is null)) return null;
        for (var i = 0; i < said.Length; i++)
        {
            if (said[i] is { } s && held[i] is { } h && s != h) return i;
        }
        return null;
    }

    private static RecordedFact? Recorder(IReadOnlyList<RecordedFact> history, FactColumn column, Item stored) =>
        history.LastOrDefault(f => f.Stands && column.Same(f.Fact, stored)) ?? history.LastOrDefault(f => f.Stands && f.Fact.Kind == column.Kind);

    private static string Shown(string?[] parts) => string.Join(" ", parts.Where(p => p is not null));

    private static string Who(RecordedFact? fact) => fact is null ? "台账 (the ledger)" : $"{fact.RecordedBy} ({fact.Via}, {Utc(fact.RecordedAt)})";

    // The import knows no time zone: the instant is said in UTC, and says so (`history` shows it in the bureau's time).
    private static string Utc(DateTimeOffset? at) => at is { } instant ? instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "";

    private static string Conflict(string what, string held, string said, RecordedFact? by) =>
        $"与台账记录冲突: {what} 台账为 {held}（{Who(by)} 记录），文件为 {said}；未写入任何数据。如以文件为准，请加 --file-wins，或先用 `proposals record undo` 撤销 " +
        $"(conflicts with the ledger: {what} is {held} in the ledger, recorded by {Who(by)}, and {said} in the file; nothing was written. " +
        "Give --file-wins to take the file's, or take the recorded fact back with `proposals record undo`)";

    private static string Undone(string what, string said, RecordedFact undone) =>
        $"文件中的{what} {said} 已于 {Utc(undone.UndoneAt)} 被 {undone.UndoneBy} 撤销（{undone.UndoReason}）；如确需恢复，请加 --file-wins " +
        $"(the file's {what} {said} was taken back by {undone.UndoneBy} on {Utc(undone.UndoneAt)}: {undone.UndoReason}; give --file-wins to record it again)";
}
