namespace Proposals.Worker.Import;

/// <summary>Column positions as Excel names them (A, B, ..., Z, AA, ..., XFD), for messages and cell references.</summary>
internal static class ColumnLetters
{
    /// <summary>The letters of the 0-based column <paramref name="index"/>.</summary>
    public static string Of(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> letters = stackalloc char[8];
        var at = letters.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters[--at] = (char)('A' + (n - 1) % 26);
        return new string(letters[at..]);
    }

    /// <summary>
    /// The 0-based column of a cell reference such as <c>B5</c> or <c>XFD1048576</c>; -1 when the
    /// reference does not start with one to three letters.
    /// </summary>
    public static int IndexOf(ReadOnlySpan<char> reference)
    {
        var n = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') n = n * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') n = n * 26 + (c - 'a' + 1);
            else break;
            // Excel's last column is XFD; a longer run of letters is no reference.
            if (++letters > 3) return -1;
        }
        return letters == 0 ? -1 : n - 1;
    }
}
