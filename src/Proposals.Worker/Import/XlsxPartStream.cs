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
            var at = bytes.IndexOfAny((byte)'<', (byte)'>');
            if (at < 0)
            {
                if (_inTag) _tagBytes += bytes.Length;
                break;
            }
            if (_inTag) _tagBytes += at;
            _inTag = bytes[at] == '<';
            if (_inTag) _tagBytes = 0;
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
