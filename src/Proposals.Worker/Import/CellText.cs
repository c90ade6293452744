using System.Globalization;
using System.Text;

namespace Proposals.Worker.Import;

/// <summary>The text of a cell as the user means it: trimmed, numbers written the way Excel shows them.</summary>
internal static class CellText
{
    // A value quoted in a message is cut here: the message must point at the cell, not repeat it.
    private const int QuotedChars = 60;

    // char.IsWhiteSpace already covers the full-width space U+3000 and the no-break space;
    // the zero-width space and a stray BOM are not whitespace but come along with copy-paste.
    private static readonly char[] Invisible = ['\u200B', '\uFEFF'];

    /// <summary>The trimmed text of a raw cell value; "" for an empty cell.</summary>
    public static string Of(object? value) => value switch
    {
        null => "",
        string s => Clean(s),
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        // "R" gives 12 for a numeric cell 12, never "12.0" or "1.2E1".
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => Clean(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Clean(value.ToString() ?? ""),
    };

    /// <summary>Trims ordinary, full-width and invisible spaces from both ends.</summary>
    public static string Clean(string text)
    {
        var t = text.Trim();
        while (t.Length > 0 && (Invisible.Contains(t[0]) || Invisible.Contains(t[^1])))
        {
            t = t.Trim(Invisible).Trim();
        }
        return t;
    }

    /// <summary>
    /// A value quoted for a message on a terminal: control characters and line breaks written as
    /// escapes (\n, \u001B) so that they show instead of acting, long values cut.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new StringBuilder("\"");
        var shown = 0;
        foreach (var c in text)
        {
            if (++shown > QuotedChars)
            {
                quoted.Append(CultureInfo.InvariantCulture, $"…（共 {text.Length} 字）");
                break;
            }
            switch (c)
            {
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (TextRules.IsRefused(c) || TextRules.IsLineBreak(c)) quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    else quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }
}
