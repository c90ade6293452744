using System.Globalization;

namespace Proposals.Domain.Rates;

/// <summary>The small numbers (1-99) sessions are counted in, read from 十五 or 15 and written 十五.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>Reads 一..九十九 (also 两 and 零/〇) or Arabic digits; null for anything else or outside 1-99.</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0) return null;
        if (text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99 ? n : null;
        }
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0) return text.Length == 1 ? Digit(text[0]) is >= 1 and var d ? d : null : null;
        if (ten != text.LastIndexOf('十')) return null;
        // 十 alone is ten; 十五 is ten and five; 二十 and 二十五 put a digit before it.
        int? tens = ten == 0 ? 1 : ten == 1 ? Digit(text[0]) : null;
        int? units = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? Digit(text[^1]) : null;
        if (tens is not >= 1 || units is not { } u) return null;
        return tens.Value * 10 + u;
    }

    /// <summary>Writes 1-99 as the congress does: 一, 十, 十五, 二十, 二十一.</summary>
    public static string Format(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        if (n < 10) return Digits[n].ToString();
        var tens = n / 10 == 1 ? "十" : Digits[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + Digits[n % 10];
    }

    private static int? Digit(char c) => c == '两' ? 2 : c == '零' ? 0 : Digits.IndexOf(c, StringComparison.Ordinal) is >= 0 and var i ? i : null;
}
