namespace Proposals.Worker.Import;

/// <summary>
/// One pass over a file's bytes as GB18030: where its first invalid sequence is, and whether it
/// looks like Chinese text. Excel's plain "CSV" on Chinese Windows is GBK, whose characters are
/// nearly all the common ones of GB2312 (codes A1A1-A9FE and B0A1-F7FE). A UTF-8 file read as
/// GB18030 gives mostly other codes: its continuation bytes (80-BF) land outside those rows, or in
/// the user-defined area that maps to private-use characters.
/// </summary>
/// <param name="FirstInvalid">The offset of the first byte that starts no valid GB18030 sequence; -1 when there is none.</param>
/// <param name="Common">Characters of two bytes from the GB2312 rows, up to the first invalid byte.</param>
/// <param name="Other">Other characters of two or four bytes, up to the first invalid byte.</param>
internal sealed record Gb18030Scan(long FirstInvalid, long Common, long Other)
{
    // A name or two from GBK's extension rows (堃, 喆) among common characters is still Chinese text.
    private const double CommonShare = 0.9;

    // The four-byte codes GB18030 assigns: the rest of the BMP up to 84 31 A4 39, the supplementary planes from 90 30 81 30.
    private static readonly long LastBmp = Linear(0x84, 0x31, 0xA4, 0x39);
    private static readonly long FirstSupplementary = Linear(0x90, 0x30, 0x81, 0x30);
    private static readonly long LastSupplementary = Linear(0xE3, 0x32, 0x9A, 0x35);

    /// <summary>Whether the file reads as Chinese text: it has non-ASCII characters, nearly all of them common ones.</summary>
    public bool LooksChinese => Common > 0 && Common >= CommonShare * (Common + Other);

    /// <summary>Scans the file at <paramref name="path"/>.</summary>
    public static Gb18030Scan Of(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        Span<byte> sequence = stackalloc byte[4];
        var length = 0;
        long offset = 0, start = 0, common = 0, other = 0;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++, offset++)
            {
                var b = buffer[i];
                if (length == 0)
                {
                    if (b < 0x80) continue;
                    if (b is 0x80 or 0xFF) return new Gb18030Scan(offset, common, other);
                    start = offset;
                    sequence[length++] = b;
                    continue;
                }
                sequence[length++] = b;
                switch (length)
                {
                    case 2 when b is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFE:
                        if (IsCommon(sequence[0], b)) common++;
                        else other++;
                        length = 0;
                        break;
                    case 2 when b is >= 0x30 and <= 0x39:
                    case 3 when b is >= 0x81 and <= 0xFE:
                        break;
                    case 4 when b is >= 0x30 and <= 0x39 && IsAssigned(Linear(sequence[0], sequence[1], sequence[2], b)):
                        other++;
                        length = 0;
                        break;
                    default:
                        return new Gb18030Scan(start, common, other);
                }
            }
        }
        // A file cut inside a character (the last byte of a two-byte one lost) ends with half of it.
        return new Gb18030Scan(length == 0 ? -1 : start, common, other);
    }

    private static bool IsCommon(byte lead, byte trail) =>
        lead is >= 0xA1 and <= 0xA9 or >= 0xB0 and <= 0xF7 && trail >= 0xA1;

    private static bool IsAssigned(long linear) => linear <= LastBmp || (linear >= FirstSupplementary && linear <= LastSupplementary);

    private static long Linear(int b1, int b2, int b3, int b4) => (((b1 - 0x81) * 10L + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
}
