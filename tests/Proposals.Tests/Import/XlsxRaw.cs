using System.IO.Compression;
using System.Text;

namespace Proposals.Tests.Import;

/// <summary>
/// Writes xlsx packages by hand, part by part, for the files no spreadsheet program would write:
/// a cell of tens of megabytes that packs into kilobytes, a filled cell at XFD. The sheet's XML is
/// written through a callback so that a huge cell streams into the package instead of being built in memory.
/// </summary>
internal static class XlsxRaw
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// Writes a workbook whose one sheet's <c>sheetData</c> is written by <paramref name="rows"/>, with
    /// optional shared strings (the <c>si</c> elements) and styles (what goes inside <c>styleSheet</c>).
    /// </summary>
    public static void Write(string path, Action<TextWriter> rows, Action<TextWriter>? sharedStrings = null, Action<TextWriter>? styles = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
        Part(zip, "_rels/.rels", w => w.Write(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Part(zip, "xl/workbook.xml", w => w.Write(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>" +
            "<sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            (sharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
            (styles is null ? "" : $"<Relationship Id=\"rId3\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/>") +
            "</Relationships>"));
        Part(zip, "xl/worksheets/sheet1.xml", w =>
        {
            w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
            rows(w);
            w.Write("</sheetData></worksheet>");
        });
        if (sharedStrings is not null)
        {
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                sharedStrings(w);
                w.Write("</sst>");
            });
        }
        if (styles is not null)
        {
            Part(zip, "xl/styles.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{Main}\">");
                styles(w);
                w.Write("</styleSheet>");
            });
        }
    }

    /// <summary>A row of inline-string cells from column A.</summary>
    public static string Row(int number, params string?[] cells)
    {
        var row = new StringBuilder($"<row r=\"{number}\">");
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } text) row.Append(Cell($"{(char)('A' + i)}{number}", text));
        }
        return row.Append("</row>").ToString();
    }

    /// <summary>One inline-string cell at <paramref name="reference"/>.</summary>
    public static string Cell(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    /// <summary>Writes <paramref name="count"/> copies of <paramref name="c"/>, a megabyte at a time.</summary>
    public static void Repeat(TextWriter writer, char c, long count)
    {
        var block = new string(c, 1 << 20);
        for (var left = count; left > 0; left -= block.Length) writer.Write(left >= block.Length ? block : block[..(int)left]);
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        write(writer);
    }
}
