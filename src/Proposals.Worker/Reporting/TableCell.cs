using System.Text;

namespace Proposals.Worker.Reporting;

/// <summary>
/// Text that goes into one cell of a table printed on a terminal: kept on one line, line breaks shown
/// as ⏎, and no control characters. A title pasted from a web page can carry an escape sequence that
/// would recolour or clear the user's terminal, or a bidirectional override that reorders what is
/// shown; neither reaches the terminal raw. JSON, CSV and workbooks keep the full text.
/// </summary>
internal static class TableCell
{
    /// <summary>What a line break in the text is shown as.</summary>
    public const char LineBreak = '⏎';

    /// <summary><paramref name="text"/> on one line, without control characters.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.Any(NeedsChange)) return text;
        var cell = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // CR LF is one break
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029') cell.Append(LineBreak);
            else if (c == '\t') cell.Append(' ');
            else if (!NeedsChange(c)) cell.Append(c);
        }
        return cell.ToString();
    }

    // C0 and C1 controls (ESC among them), DEL, and the bidirectional embeddings, overrides and isolates.
    private static bool NeedsChange(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029';
}
