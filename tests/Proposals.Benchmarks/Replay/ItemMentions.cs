using System.Text.RegularExpressions;

namespace Proposals.Benchmarks.Replay;

/// <summary>
/// The items an email names. The reminder templates write an item as its kind, 届次 and number
/// (<c>政协提案 十四届一次 第0009号</c> in the subject, <c>编号：十四届一次 第0009号</c> in the body); a
/// message listing several items names each the same way. Read tolerantly: every <c>届次 第N号</c> in
/// the subject and the plain-text body, the kind when 建议 or 提案 stands just before it, each item
/// once per message.
/// </summary>
internal static partial class ItemMentions
{
    public static IReadOnlyList<string> Find(string subject, string text)
    {
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (Match m in Mention().Matches(subject + "\n" + text))
        {
            var key = $"{m.Groups["session"].Value} 第{m.Groups["number"].Value}号";
            var kind = m.Groups["kind"].Success ? m.Groups["kind"].Value : null;
            found[key] = found.TryGetValue(key, out var known) && known is not null ? known : kind;
        }
        // The kind first where it was written, so an item named once with it and once without is one item.
        return found.Select(f => f.Value is null ? f.Key : $"{f.Value} {f.Key}").ToList();
    }

    // 届次: a run without spaces or punctuation (十五届一次, 市十五届一次); the number: anything up to 号.
    [GeneratedRegex(@"(?:(?<kind>建议|提案)[ \t\u3000]*)?(?<session>[^\s：:，,。；;、（）()【】\[\]<>""]+)[ \t\u3000]*第[ \t\u3000]*(?<number>[^\s号]+?)[ \t\u3000]*号")]
    private static partial Regex Mention();
}
