namespace Proposals.Worker.Import;

/// <summary>
/// The characters refused in a ledger's text: control characters (C0, DEL, C1: terminal escape codes
/// among them), the bidirectional overrides that make text read otherwise than it is stored, and line
/// breaks wherever one line is expected. A name with CR/LF would break a mail header; an ESC in a
/// title would drive the terminal of whoever lists it.
/// </summary>
internal static class TextRules
{
    /// <summary>Why <paramref name="text"/> cannot be a value of a <paramref name="kind"/> column; null when it can.</summary>
    public static string? Refusal(string text, CellKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLineBreak(c))
            {
                if (kind == CellKind.SingleLine) return $"不能含换行（第 {i + 1} 个字符），请删除单元格中的换行 (line breaks are not allowed here)";
                continue;
            }
            if (c == '\t' && kind == CellKind.MultiLine) continue;
            if (IsRefused(c))
            {
                return $"含控制字符 U+{(int)c:X4}（第 {i + 1} 个字符），请删除 (control character not allowed)";
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
