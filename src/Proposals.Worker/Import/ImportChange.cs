using System.Globalization;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>What an import does to one item or division.</summary>
public enum ImportChangeKind
{
    /// <summary>新增: not in the ledger yet.</summary>
    Added,

    /// <summary>更新: in the ledger, and the file changes it.</summary>
    Changed,

    /// <summary>未变: the file says what the ledger holds.</summary>
    Unchanged,

    /// <summary>冲突: the file contradicts a recorded fact and wins (--file-wins); the recorded one is undone.</summary>
    Conflict,
}

/// <summary>One line of an import's preview: what happens to which item (or division), and how.</summary>
/// <param name="Kind">Added, changed, unchanged or a conflict the file wins.</param>
/// <param name="Subject">The item (人大 十五届一次 0012) or the division.</param>
/// <param name="Detail">What changes: the fields with old and new values, the facts added, the recorded fact replaced with who recorded it.</param>
public sealed record ImportChange(ImportChangeKind Kind, string Subject, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name(Kind)} {Subject}{(Detail.Length > 0 ? ": " + Detail : "")}";

    /// <summary>The kind's Chinese name, as the preview shows it.</summary>
    public static string Name(ImportChangeKind kind) => kind switch
    {
        ImportChangeKind.Added => "新增",
        ImportChangeKind.Changed => "更新",
        ImportChangeKind.Unchanged => "未变",
        ImportChangeKind.Conflict => "冲突",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A fact as the preview names it: 答复 2026-05-20 A.</summary>
    public static string Fact(LedgerFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var parts = new[]
        {
            fact.Kind.ChineseName(), ProposalRow.Iso(fact.On), fact.Division, fact.Class?.ToString(), fact.Satisfaction?.ChineseName(),
            fact.To is { } to ? "至 " + ProposalRow.Iso(to) : null, fact.Decision?.ChineseName(), fact.DecidedBy,
        };
        return string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    /// <summary>Who recorded a fact and how: 张三 (desk, 2026-12-02 08:28 UTC).</summary>
    public static string Recorder(RecordedFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return string.Create(CultureInfo.InvariantCulture, $"{fact.RecordedBy} ({fact.Via}, {fact.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
    }
}
