using System.Globalization;
using System.Text.Json;

namespace Proposals.Worker.Import;

/// <summary>
/// What an import would do, before it does it: every problem (row, column, reason), every change (added,
/// changed, unchanged, conflicts), the notes, and the fingerprint of the changes. The one preview that
/// <c>proposals import ... --dry-run</c> prints and the desk's /hangfire/import shows.
/// </summary>
public sealed record ImportPreview
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary><c>proposals</c> or <c>divisions</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The problems listed, in file order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    /// <summary>Every problem found, listed or not.</summary>
    public int ProblemCount { get; init; }

    /// <summary>The rows with a problem.</summary>
    public int ProblemRows { get; init; }

    /// <summary>The notes listed.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Every note given.</summary>
    public int NoteCount { get; init; }

    /// <summary>The changes listed (added, changed, conflicts), in file order.</summary>
    public IReadOnlyList<ImportChange> Changes { get; init; } = [];

    /// <summary>新增.</summary>
    public int Added { get; init; }

    /// <summary>更新.</summary>
    public int Changed { get; init; }

    /// <summary>未变.</summary>
    public int Unchanged { get; init; }

    /// <summary>冲突: recorded facts the file wins over (--file-wins), each undone; their items are counted as changed.</summary>
    public int Conflicts { get; init; }

    /// <summary>Open items the file leaves without 签收日期 (a ledger imported mid-year has many): past Reminders:AcknowledgeWindowWorkingDays they get no 签收 reminder.</summary>
    public int Unacknowledged { get; init; }

    /// <summary>What the import says of <see cref="Unacknowledged"/>; null when every open item is acknowledged.</summary>
    public string? UnacknowledgedLine() => Unacknowledged == 0 ? null : string.Create(CultureInfo.InvariantCulture,
        $"{Unacknowledged} 件未答复的事项没有签收日期; 交办后超过 Reminders:AcknowledgeWindowWorkingDays 个工作日的不再发签收提醒 " +
        $"({Unacknowledged} open item(s) have no 签收日期; those assigned more than Reminders:AcknowledgeWindowWorkingDays working days ago get no 签收 reminder)");

    /// <summary>The hash of every change: the confirm writes only when its own run hashes the same.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Whether the file can be written as it is.</summary>
    public bool Ok => ProblemCount == 0;

    /// <summary>A preview of a file that could not be read at all (too big, not a spreadsheet, a limit broken).</summary>
    public static ImportPreview Refused(string kind, string column, string reason) => new()
    {
        Kind = kind, Problems = [new ImportProblem(0, column, reason)], ProblemCount = 1, ProblemRows = 1,
    };

    /// <summary>The preview of a run: its report and the changes it collected.</summary>
    internal static ImportPreview Of(string kind, ImportReport report, ImportChanges changes) => new()
    {
        Kind = kind,
        Problems = report.Problems.ToList(),
        ProblemCount = report.ProblemCount,
        ProblemRows = report.ProblemRows,
        Notes = report.Notes.ToList(),
        NoteCount = report.NoteCount,
        Changes = changes.Listed.ToList(),
        Added = changes.Count(ImportChangeKind.Added),
        Changed = changes.Count(ImportChangeKind.Changed),
        Unchanged = changes.Count(ImportChangeKind.Unchanged),
        Conflicts = changes.Count(ImportChangeKind.Conflict),
        Fingerprint = changes.Fingerprint(),
    };

    /// <summary>The preview as kept with an upload.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A preview kept with an upload.</summary>
    public static ImportPreview FromJson(string json) => JsonSerializer.Deserialize<ImportPreview>(json, Json) ?? new ImportPreview();

    /// <summary>The changes not listed.</summary>
    public int ChangesNotListed => Added + Changed + Conflicts - Changes.Count;

    /// <summary>The totals line: 新增 3, 更新 1, 未变 10, 冲突 0.</summary>
    public string Totals() => string.Create(CultureInfo.InvariantCulture,
        $"新增 {Added}, 更新 {Changed}, 未变 {Unchanged}, 冲突(以文件为准) {Conflicts} (added {Added}, changed {Changed}, unchanged {Unchanged}, conflicts the file wins {Conflicts})");

    /// <summary>The changes as lines of text, as the command line prints them.</summary>
    public IEnumerable<string> ChangeLines()
    {
        foreach (var change in Changes) yield return change.ToString();
        if (ChangesNotListed > 0) yield return string.Create(CultureInfo.InvariantCulture, $"另有 {ChangesNotListed} 项变更未列出 ({ChangesNotListed} more change(s) not listed)");
    }
}
