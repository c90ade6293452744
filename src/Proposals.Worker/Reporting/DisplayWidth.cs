using System.Text;

namespace Proposals.Worker.Reporting;

/// <summary>
/// How many terminal columns text takes: Chinese characters and full-width forms take two,
/// so a table padded by character count would not line up.
/// </summary>
internal static class DisplayWidth
{
    /// <summary>The width of <paramref name="text"/> in terminal columns.</summary>
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes()) width += IsWide(rune) ? 2 : 1;
        return width;
    }

    /// <summary>Pads <paramref name="text"/> on the right to <paramref name="width"/> columns.</summary>
    public static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Of(text)));

    /// <summary>Pads <paramref name="text"/> on the left to <paramref name="width"/> columns.</summary>
    public static string PadLeft(string text, int width) => new string(' ', Math.Max(0, width - Of(text))) + text;

    // The East Asian Wide and Fullwidth blocks (Unicode UAX #11) that occur in Chinese text.
    private static bool IsWide(Rune r) => r.Value switch
    {
        >= 0x1100 and <= 0x115F => true,   // Hangul Jamo
        >= 0x2E80 and <= 0x303E => true,   // CJK radicals, punctuation
        >= 0x3041 and <= 0x33FF => true,   // kana, CJK compatibility
        >= 0x3400 and <= 0x4DBF => true,   // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK unified ideographs
        >= 0xA000 and <= 0xA4CF => true,   // Yi
        >= 0xAC00 and <= 0xD7A3 => true,   // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,   // CJK compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true,   // CJK compatibility forms
        >= 0xFF00 and <= 0xFF60 => true,   // full-width forms
        >= 0xFFE0 and <= 0xFFE6 => true,
        >= 0x20000 and <= 0x3FFFD => true, // CJK extensions B and later
        _ => false,
    };
}
