using System.Globalization;

namespace Proposals.Worker.Import;

/// <summary>The text of a cell as the user means it: trimmed, numbers written the way Excel shows them.</summary>
internal static class CellText
{
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

    /// <summary>A value quoted for a problem message.</summary>
    public static string Quote(string text) => $"\"{text}\"";
}
