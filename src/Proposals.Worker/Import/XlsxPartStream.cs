namespace Proposals.Worker.Import;

/// <summary>
/// An xlsx part being unpacked, counted as it goes: a few packed kilobytes can unpack to
/// gigabytes, so the part stops at <see cref="ImportOptions.MaxUnpackedMegabytes"/>. It also stops at a
/// tag longer than any real one: the XML reader keeps a whole tag (its attributes) in memory, where
/// it streams the text between tags.
/// </summary>
internal sealed class XlsxPartStream(Stream inner, string part, string path, ImportOptions options) : Stream
{
    // The longest tags of a real sheet are the root's namespace declarations and a data validation
    // listing its ranges: some kilobytes.
    private const int MaxTagBytes = 1 << 20;

    private long _unpacked;
    private bool _inTag;
    private long _tagBytes;
    // The quote an attribute value is open with (0: none). A '>' inside a quoted value does not end the tag,
    // so a value of 400 MB of "a>a>a>..." is still one long tag.
    private byte _quote;
    // Whether the tag is markup declaration or processing instruction (<!-- -->, <?xml ?>): quotes there are text.
    private bool _plainTag;

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _unpacked += read;
        if (_unpacked > options.MaxUnpackedBytes)
        {
            throw new ImportFileException(
                $"Excel 文件的 {part} 解压后超过 {options.MaxUnpackedMegabytes} MB (Import:MaxUnpackedMegabytes)，可能是损坏或恶意的文件 (part unpacks past the limit): {path}");
        }
        Watch(buffer[..read]);
        return read;
    }

    private void Watch(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (!_inTag)
            {
                var open = bytes.IndexOf((byte)'<');
                if (open < 0) break;
                (_inTag, _tagBytes, _quote) = (true, 0, 0);
                bytes = bytes[(open + 1)..];
                _plainTag = !bytes.IsEmpty && bytes[0] is (byte)'!' or (byte)'?';
                continue;
            }
            var at = _quote != 0 ? bytes.IndexOf(_quote)
                : _plainTag ? bytes.IndexOf((byte)'>')
                : bytes.IndexOfAny((byte)'"', (byte)'\'', (byte)'>');
            if (at < 0)
            {
                _tagBytes += bytes.Length;
                break;
            }
            _tagBytes += at;
            if (_quote != 0) _quote = 0;
            else if (bytes[at] == '>') _inTag = false;
            else _quote = bytes[at];
            bytes = bytes[(at + 1)..];
        }
        if (_tagBytes > MaxTagBytes)
        {
            throw new ImportFileException($"Excel 文件的 {part} 中有超过 {MaxTagBytes / 1024} KB 的标记，文件损坏或是恶意构造的 (tag too long): {path}");
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => _unpacked; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Flush() { }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
