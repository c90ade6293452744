using System.Text.RegularExpressions;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// 届次 as the congress and the CPPCC name them in a report: 十五届一次 is "市十五届人大一次会议" for a
/// suggestion and 十四届一次 is "市政协十四届一次会议" for a proposal; 闭会期间 stays 闭会期间; a text that
/// does not follow the 届/次 pattern is used as written. A 届次 that begins with a level (区十九届一次,
/// 文登区十九届一次, 自治州十四届一次) carries its own; one without uses the bureau's (<c>Reports:Level</c>).
/// </summary>
public static partial class SessionName
{
    /// <summary>The words for items handed in between sessions.</summary>
    public const string BetweenSessions = "闭会期间";

    /// <summary>How <paramref name="session"/> of an item of <paramref name="kind"/> reads in a city bureau's report.</summary>
    public static string Of(ItemKind kind, string session) => Of(kind, session, CongressLevel.Default);

    /// <summary>
    /// How <paramref name="session"/> of an item of <paramref name="kind"/> reads in a report, named at its own
    /// level, or at <paramref name="level"/> when it names none.
    /// </summary>
    public static string Of(ItemKind kind, string session, string level)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(level);
        var text = session.Trim();
        if (Read(text) is not { } s) return text;
        if (s.Between) return BetweenSessions;
        if (!s.IsOf(kind)) return text;
        var (term, meeting) = (ChineseNumerals.Format(s.Term), ChineseNumerals.Format(s.Meeting));
        var at = s.Level ?? level;
        return kind switch
        {
            ItemKind.Npc => $"{at}{term}届人大{meeting}次会议",
            ItemKind.Cppcc => $"{at}政协{term}届{meeting}次会议",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>
    /// The level <paramref name="session"/> begins with (区 for 区十九届一次 and 文登区十九届一次, 自治区 for
    /// 自治区十三届一次); null when it begins with none, or with a place that ends in no level word.
    /// </summary>
    public static string? LevelOf(string session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Read(session.Trim())?.Level;
    }

    /// <summary>
    /// The place a 届次 begins with when it cannot be read as a level (黑龙江 in 黑龙江十三届一次); null when the
    /// 届次 begins with a level, with nothing before the 届/次, or does not follow the 届/次 pattern.
    /// </summary>
    public static string? UnreadablePlace(string session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Read(session.Trim()) is { Between: false, Place.Length: > 0, Level: null } s ? s.Place : null;
    }

    /// <summary>
    /// Several sessions named together, in the order they sat (higher levels first, 闭会期间 last, texts used
    /// as written before it): "市十五届人大一次会议及闭会期间"; "" for none.
    /// </summary>
    public static string Join(ItemKind kind, IEnumerable<string> sessions) => Join(kind, sessions, CongressLevel.Default);

    /// <summary>As <see cref="Join(ItemKind, IEnumerable{string})"/>, a session without a level at <paramref name="level"/>.</summary>
    public static string Join(ItemKind kind, IEnumerable<string> sessions, string level)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var names = sessions
            .Select(s => (Read: Read(s.Trim()) is { Between: false } r && r.IsOf(kind) ? r : (Session?)null, Name: Of(kind, s, level)))
            .DistinctBy(s => s.Name, StringComparer.Ordinal)
            .OrderBy(s => s.Read is null ? s.Name == BetweenSessions ? 2 : 1 : 0)
            .ThenBy(s => s.Read is { } r ? CongressLevel.Tier(r.Level ?? level) : 0)
            .ThenBy(s => s.Read?.Term)
            .ThenBy(s => s.Read?.Meeting)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => s.Name)
            .ToList();
        return names.Count <= 1 ? names.FirstOrDefault() ?? "" : string.Join("、", names[..^1]) + "及" + names[^1];
    }

    /// <summary>A 届次 as read: the place before it, the level that place names, the body named, term and meeting.</summary>
    private readonly record struct Session(string Place, string? Level, string Body, int Term, int Meeting, bool Between)
    {
        // A suggestion's session written with 政协 (or the reverse) is not one this class can name.
        public bool IsOf(ItemKind kind) => Body.Length == 0 || Body == kind switch
        {
            ItemKind.Npc => "人大",
            ItemKind.Cppcc => "政协",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    // 十五届一次, 第十五届第一次会议, 15届1次, with the body's name where a ledger writes it (十五届人大一次,
    // 第十五届人民代表大会第一次会议, 政协十四届一次), and a place before it (区十九届一次, 文登区人大十八届四次会议).
    private static Session? Read(string text)
    {
        var m = Pattern().Match(text);
        if (m.Success)
        {
            if (ChineseNumerals.Parse(m.Groups["term"].Value) is not { } term || ChineseNumerals.Parse(m.Groups["meeting"].Value) is not { } meeting) return null;
            string[] named = [.. new[] { m.Groups["before"].Value, m.Groups["after"].Value }.Where(b => b.Length > 0).Select(b => b == "政协" ? "政协" : "人大").Distinct()];
            // 政协……人大 names two bodies: not a session this class can name.
            if (named.Length > 1) return null;
            var place = m.Groups["place"].Value;
            return new Session(place, Level(place), named.FirstOrDefault() ?? "", term, meeting, Between: false);
        }
        var between = Between().Match(text);
        if (!between.Success) return null;
        var at = between.Groups["place"].Value;
        // 区闭会期间 is the district's; a place that names no level makes it a text to use as written.
        return at.Length == 0 || Level(at) is not null ? new Session(at, Level(at), "", 0, 0, Between: true) : null;
    }

    private static string? Level(string place) => place.Length == 0 ? null : CongressLevel.OfPlace(place);

    // The place is empty or ends in something other than a numeral or 第, so that it never takes part of the term.
    [GeneratedRegex(@"^(?<place>(?:.*?[^0-9〇零一二两三四五六七八九十第])??)(?<before>人大|政协)?第?(?<term>[0-9〇零一二两三四五六七八九十]+)届(?<after>人大|人民代表大会|政协)?第?(?<meeting>[0-9〇零一二两三四五六七八九十]+)次(?:会议)?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<place>.*?)(?:人大|政协)?(?:大会)?闭会(?:期间)?$")]
    private static partial Regex Between();
}
