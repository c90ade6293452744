using System.Globalization;

namespace Proposals.Worker.Import;

/// <summary>
/// The characters refused in a ledger's text: control characters (C0, DEL, C1: terminal escape codes
/// among them), the bidirectional overrides that make text read otherwise than it is stored, and line
/// breaks wherever one line is expected. A name with CR/LF would break a mail header; an ESC in a
/// title would drive the terminal of whoever lists it.
/// </summary>
internal static class TextRules
{
    /// <summary>Why a text is refused, in Chinese and in English.</summary>
    public sealed record Refused(string Chinese, string English)
    {
        /// <summary>The reason as a message gives it: Chinese first, English after.</summary>
        public override string ToString() => $"{Chinese} ({English})";
    }

    /// <summary>Why <paramref name="text"/> cannot be a value of a <paramref name="kind"/> column, Chinese first, English after; null when it can.</summary>
    public static string? Refusal(string text, CellKind kind) => Why(text, kind)?.ToString();

    /// <summary>Why <paramref name="text"/> cannot be a value of a <paramref name="kind"/> column; null when it can.</summary>
    public static Refused? Why(string text, CellKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLineBreak(c))
            {
                if (kind == CellKind.SingleLine) return new($"不能含换行（第 {i + 1} 个字符），请删除单元格中的换行", $"a line break at character {i + 1}: remove it; line breaks are not allowed here");
                continue;
            }
            if (c == '\t' && kind == CellKind.MultiLine) continue;
            if (IsRefused(c))
            {
                return new(
                    string.Create(CultureInfo.InvariantCulture, $"含控制字符 U+{(int)c:X4}（第 {i + 1} 个字符），请删除"),
                    string.Create(CultureInfo.InvariantCulture, $"a control character U+{(int)c:X4} at character {i + 1}: remove it"));
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="c"/> is a line break: CR, LF, or the Unicode line and paragraph separators.</summary>
    public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u2028' or '\u2029';

    /// <summary>Whether <paramref name="c"/> is refused in every column (line breaks and tab aside).</summary>
    public static bool IsRefused(char c) =>
        c < ' ' || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
