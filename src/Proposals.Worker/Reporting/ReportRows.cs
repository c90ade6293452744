using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>One row of a figures table: its labels and its figures.</summary>
internal sealed record ReportRow(IReadOnlyList<string> Labels, Figures Figures);

/// <summary>The two tables every tabular format shows: per kind (with the total) and per lead division.</summary>
internal static class ReportRows
{
    /// <summary>按类别 headings before the figures.</summary>
    public static IReadOnlyList<string> KindLabels { get; } = ["类别"];

    /// <summary>按处室 headings before the figures.</summary>
    public static IReadOnlyList<string> DivisionLabels { get; } = ["主办处室", "类别"];

    /// <summary>The word for the total row.</summary>
    public const string TotalLabel = "合计";

    /// <summary>Suggestions, proposals, then both together.</summary>
    public static IReadOnlyList<ReportRow> ByKind(YearReport report) =>
    [
        new([ItemKind.Npc.FullName()], report.Kinds[ItemKind.Npc]),
        new([ItemKind.Cppcc.FullName()], report.Kinds[ItemKind.Cppcc]),
        new([TotalLabel], report.Total),
    ];

    /// <summary>One row per lead division and kind, in the report's order.</summary>
    public static IReadOnlyList<ReportRow> ByDivision(YearReport report) =>
        report.Divisions.Select(d => new ReportRow([d.Division, d.Kind.FullName()], d.Figures)).ToList();

    /// <summary>The key-items list headings.</summary>
    public static IReadOnlyList<string> KeyItemHeadings { get; } =
        ["类别", "届次", "编号", "标题", "主办处室", "状态", "办理期限", "答复日期", "按期"];

    /// <summary>One key item as the cells under <see cref="KeyItemHeadings"/>.</summary>
    public static IReadOnlyList<string> KeyItemCells(KeyItemState k) =>
    [
        k.Key.Kind.ShortName(),
        k.Key.Session,
        k.Key.Number,
        k.Title,
        k.LeadDivision,
        k.Status.ChineseName(),
        k.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        k.RepliedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        k.RepliedOn is null ? "" : k.RepliedOnTime ? "是" : "否",
    ];
}
