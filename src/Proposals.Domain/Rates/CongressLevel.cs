namespace Proposals.Domain.Rates;

/// <summary>
/// 级别: the level of the people's congress and CPPCC an item comes from (市, 区, 县, 省...). A bureau of a
/// district may handle its own district's items and the city's; real reports keep the levels apart
/// ("州人大代表建议2件……县人大代表建议4件"), so the figures and the paragraph are given per level.
/// </summary>
public static class CongressLevel
{
    /// <summary>The level of a city bureau, the default of <c>Reports:Level</c>.</summary>
    public const string Default = "市";

    // Each level word with its tier (0 province, 1 prefecture, 2 county).
    private static readonly (string Word, int Tier)[] Table =
    [
        ("市", 1), ("区", 2), ("县", 2), ("省", 0), ("州", 1), ("盟", 1), ("旗", 2),
        ("自治区", 0), ("自治州", 1), ("自治县", 2),
    ];

    // Longest first, so that 自治区 is read before 区 and 自治州 before 州.
    private static readonly string[] LongestFirst = [.. Table.Select(t => t.Word).OrderByDescending(w => w.Length)];

    /// <summary>The level words, as settings and messages list them.</summary>
    public static IReadOnlyList<string> Words { get; } = [.. Table.Select(t => t.Word)];

    /// <summary>The words as settings and messages list them: 市、区、县……</summary>
    public static string WordList => string.Join("、", Words);

    /// <summary>Whether <paramref name="text"/> is one of the level words.</summary>
    public static bool IsWord(string? text) => text is not null && Words.Contains(text, StringComparer.Ordinal);

    /// <summary>
    /// The level a place's name ends in: 区 for 区 and 文登区, 自治州 for 延边朝鲜族自治州 (the longest word
    /// matches first); null when it ends in none (黑龙江, 哈尔滨).
    /// </summary>
    public static string? OfPlace(string place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return LongestFirst.FirstOrDefault(w => place.EndsWith(w, StringComparison.Ordinal));
    }

    /// <summary>Higher levels come first in a report: provinces, then cities and prefectures, then counties and districts.</summary>
    public static int Tier(string level) =>
        Table.FirstOrDefault(t => t.Word == level) is { Word: not null } entry ? entry.Tier : Table.Max(t => t.Tier) + 1;
}
