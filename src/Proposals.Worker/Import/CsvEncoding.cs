using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Proposals.Worker.Import;

/// <summary>
/// Which encoding a CSV ledger is in, decided before any row is read: Excel saves "CSV UTF-8"
/// (with or without BOM) or, as plain "CSV" on Chinese Windows, GBK (read as GB18030, its superset).
/// A file that is not valid UTF-8 is read as GB18030 only when it decodes cleanly as GB18030 and
/// looks like Chinese text; anything else is refused naming the first row that breaks, so that one
/// stray byte never turns a whole UTF-8 file into garbled names, nor a cut-off file into a '?'.
/// </summary>
internal static class CsvEncoding
{
    private const int Block = 1 << 20;

    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, from the code pages the runtime carries.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>The encoding of the file at <paramref name="path"/>: null for UTF-8, else GB18030.</summary>
    /// <exception cref="ImportFileException">UTF-16, or neither valid UTF-8 nor clean Chinese GB18030 (the message names the row and column).</exception>
    public static Encoding? Detect(string path)
    {
        var bom = Bom(path);
        if (bom is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            throw new ImportFileException($"不支持 UTF-16 编码的文件，请在 Excel 中另存为“CSV UTF-8(逗号分隔)” (UTF-16 files are not supported; in Excel, save as \"CSV UTF-8 (Comma delimited)\"): {path}");
        }
        var invalidUtf8 = FirstInvalidUtf8(path);
        if (invalidUtf8 < 0) return null;
        if (bom is [0xEF, 0xBB, 0xBF, ..])
        {
            throw Refused(path, invalidUtf8, "文件以 UTF-8 BOM 开头，但此处不是有效的 UTF-8",
                "the file starts with a UTF-8 BOM but is not valid UTF-8 here");
        }
        var gb = Gb18030Scan.Of(path);
        if (!gb.LooksChinese)
        {
            throw Refused(path, invalidUtf8, "既不是有效的 UTF-8，也不像 GB18030 中文文本，请在 Excel 中另存为“CSV UTF-8(逗号分隔)”",
                "neither valid UTF-8 nor Chinese GB18030 text; in Excel, save as \"CSV UTF-8 (Comma delimited)\"");
        }
        if (gb.FirstInvalid >= 0)
        {
            throw Refused(path, gb.FirstInvalid, "不是有效的 GB18030 文本（文件可能被截断或损坏）",
                "not valid GB18030 text; the file may be cut off or damaged");
        }
        return Gb18030;
    }

    private static ImportFileException Refused(string path, long offset, string why, string english)
    {
        var (row, column) = CsvLayout.PositionOf(path, offset);
        return new ImportFileException(
            $"CSV 第 {row} 行第 {ColumnLetters.Of(column)} 列（第 {offset + 1} 字节）{why} " +
            $"(bad encoding at row {row}, column {ColumnLetters.Of(column)}, byte {offset + 1}: {english}): {path}");
    }

    private static byte[] Bom(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[3];
        return head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
    }

    /// <summary>The offset of the first byte that is not valid UTF-8; -1 when the whole file is.</summary>
    private static long FirstInvalidUtf8(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var bytes = ArrayPool<byte>.Shared.Rent(Block);
        var chars = ArrayPool<char>.Shared.Rent(Block);
        try
        {
            long start = 0;
            var kept = 0;
            while (true)
            {
                var read = file.Read(bytes, kept, Block - kept);
                var final = read == 0;
                var span = bytes.AsSpan(0, kept + read);
                var status = Utf8.ToUtf16(span, chars, out var used, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == System.Buffers.OperationStatus.InvalidData) return start + used;
                if (final) return -1;
                // A character cut by the end of the block is read again with the next one.
                kept = span.Length - used;
                span[used..].CopyTo(bytes);
                start += used;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
