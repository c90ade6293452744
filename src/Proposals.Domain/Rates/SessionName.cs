using System.Text.RegularExpressions;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// 届次 as the congress and the CPPCC name them in a report: 十五届一次 is "市十五届人大一次会议" for a
/// suggestion and 十四届一次 is "市政协十四届一次会议" for a proposal; 闭会期间 stays 闭会期间; a text that
/// does not follow the 届/次 pattern is used as written.
/// </summary>
public static partial class SessionName
{
    /// <summary>The words for items handed in between sessions.</summary>
    public const string BetweenSessions = "闭会期间";

    /// <summary>How <paramref name="session"/> of an item of <paramref name="kind"/> reads in a report.</summary>
    public static string Of(ItemKind kind, string session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = session.Trim();
        if (IsBetweenSessions(text)) return BetweenSessions;
        if (Parse(kind, text) is not { } s) return text;
        var (term, meeting) = (ChineseNumerals.Format(s.Term), ChineseNumerals.Format(s.Meeting));
        return kind == ItemKind.Npc ? $"市{term}届人大{meeting}次会议" : $"市政协{term}届{meeting}次会议";
    }

    /// <summary>
    /// Several sessions named together, in the order they sat (闭会期间 last, texts used as written before
    /// it): "市十五届人大一次会议及闭会期间"; "" for none.
    /// </summary>
    public static string Join(ItemKind kind, IEnumerable<string> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var names = sessions
            .Select(s => (Parsed: Parse(kind, s.Trim()), Name: Of(kind, s)))
            .DistinctBy(s => s.Name, StringComparer.Ordinal)
            .OrderBy(s => s.Parsed is null ? s.Name == BetweenSessions ? 2 : 1 : 0)
            .ThenBy(s => s.Parsed?.Term)
            .ThenBy(s => s.Parsed?.Meeting)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => s.Name)
            .ToList();
        return names.Count <= 1 ? names.FirstOrDefault() ?? "" : string.Join("、", names[..^1]) + "及" + names[^1];
    }

    // 十五届一次, 第十五届第一次会议, 15届1次, and with the body's name where a ledger writes it: 十五届人大一次,
    // 第十五届人民代表大会第一次会议, 政协十四届一次.
    private static (int Term, int Meeting)? Parse(ItemKind kind, string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        var body = kind == ItemKind.Npc ? "人大" : "政协";
        foreach (var named in new[] { m.Groups["before"].Value, m.Groups["after"].Value })
        {
            // A suggestion's session written with 政协 (or the reverse) is not one this method can name.
            if (named.Length > 0 && (named == "政协" ? "政协" : "人大") != body) return null;
        }
        return ChineseNumerals.Parse(m.Groups["term"].Value) is { } term && ChineseNumerals.Parse(m.Groups["meeting"].Value) is { } meeting
            ? (term, meeting)
            : null;
    }

    private static bool IsBetweenSessions(string text) => text is BetweenSessions or "闭会" or "大会闭会期间";

    [GeneratedRegex(@"^(?:市)?(?<before>人大|政协)?第?(?<term>[0-9〇零一二两三四五六七八九十]+)届(?<after>人大|人民代表大会|政协)?第?(?<meeting>[0-9〇零一二两三四五六七八九十]+)次(?:会议)?$")]
    private static partial Regex Pattern();
}
