using System.Xml;

namespace Proposals.Worker.Import;

/// <summary>
/// The text of an xlsx element, read in chunks and kept up to <see cref="ImportOptions.MaxFieldLength"/>
/// characters: a 400 MB cell is counted as it streams by, never held.
/// </summary>
internal sealed class XlsxText(int max)
{
    private readonly char[] _chunk = new char[4096];
    private char[] _kept = new char[Math.Min(max, 1024)];

    /// <summary>The characters counted since <see cref="Clear"/>, kept or not.</summary>
    public long Length { get; private set; }

    /// <summary>Whether the text ran past the limit.</summary>
    public bool TooLong => Length > max;

    /// <summary>The text kept (all of it unless <see cref="TooLong"/>).</summary>
    public ReadOnlySpan<char> Kept => _kept.AsSpan(0, (int)Math.Min(Length, max));

    /// <summary>Starts a new text.</summary>
    public void Clear() => Length = 0;

    /// <summary>The text as a string, or a <see cref="TooLongCell"/>.</summary>
    public object Value() => TooLong ? new TooLongCell(Length) : new string(Kept);

    /// <summary>
    /// Adds the text of the element the reader is on (a <c>t</c> or a <c>v</c>), child elements
    /// skipped, and leaves the reader on the node after the element's end.
    /// </summary>
    public void AddElement(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0) Add(_chunk.AsSpan(0, read));
                reader.Read();
            }
            else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
            else if (!reader.Read()) throw new XmlException("the part ends inside an element");
        }
        reader.Read();
    }

    /// <summary>
    /// Adds the text of a rich-text element (a shared string <c>si</c>, an inline <c>is</c>): its
    /// <c>t</c> runs, without the phonetic guides (<c>rPh</c>) East Asian Excel adds. Leaves the reader after the element.
    /// </summary>
    public void AddRich(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh") reader.Skip();
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t") AddElement(reader);
            else if (!reader.Read()) throw new XmlException("the part ends inside an element");
        }
        reader.Read();
    }

    private void Add(ReadOnlySpan<char> text)
    {
        var room = max - Length;
        if (room > 0)
        {
            var take = (int)Math.Min(room, text.Length);
            if (Length + take > _kept.Length) Array.Resize(ref _kept, (int)Math.Min(max, Math.Max(_kept.Length * 2, Length + take)));
            text[..take].CopyTo(_kept.AsSpan((int)Length));
        }
        Length += text.Length;
    }
}
