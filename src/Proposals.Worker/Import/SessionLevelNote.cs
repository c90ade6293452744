using Proposals.Domain.Rates;

namespace Proposals.Worker.Import;

/// <summary>
/// The note for a 届次 that begins with a place the report cannot read as a level (黑龙江十三届一次): the row
/// is imported as it is, and the report counts it at the bureau's level (Reports:Level). A 届次 with no place
/// (十五届一次) or with a level (区十九届一次, 文登区十九届一次) gets none.
/// </summary>
internal static class SessionLevelNote
{
    /// <summary>The note for row <paramref name="row"/>, or null when its 届次 needs none.</summary>
    public static string? Of(int row, string header, string? session)
    {
        if (session is null || SessionName.UnreadablePlace(session) is not { } place) return null;
        var quoted = CellText.Quote(place);
        return $"第 {row} 行 [{header}] 开头的 {quoted} 不是级别（{CongressLevel.WordList}），报告按本单位级别 Reports:Level 统计 " +
            $"(row {row}: the session begins with {quoted}, which is no level word; the report counts it at Reports:Level)";
    }
}
