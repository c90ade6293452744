namespace Proposals.Worker.Import;

/// <summary>
/// Where things are in a CSV file's bytes, for the messages of a file that cannot be read as rows:
/// the row and column of a byte, the shape of a row too long to read. It walks the bytes as the
/// reader splits them (quotes, commas, CR, LF, CRLF), which in UTF-8 and in GB18030 alike are never
/// part of another character, and keeps nothing but counters.
/// </summary>
internal static class CsvLayout
{
    /// <summary>The 1-based row and 0-based column of the byte at <paramref name="offset"/>.</summary>
    public static (int Row, int Column) PositionOf(string path, long offset)
    {
        var walker = new Walker();
        Walk(path, (position, b) =>
        {
            if (position == offset) return false;
            walker.Step(b);
            return true;
        });
        return (walker.Row, walker.Column);
    }

    /// <summary>
    /// The first field of row <paramref name="row"/> longer than <paramref name="maxBytes"/> bytes, as a
    /// 0-based column and its length in bytes; (-1, 0) when it has none (its quote is then left open).
    /// </summary>
    public static (int Column, long Bytes) LongFieldOf(string path, int row, long maxBytes)
    {
        var walker = new Walker();
        var found = (Column: -1, Bytes: 0L);
        Walk(path, (_, b) =>
        {
            if (walker.Row > row) return false;
            walker.Step(b);
            if (walker.Row == row && walker.FieldBytes > maxBytes)
            {
                found = (walker.Column, walker.FieldBytes);
                return false;
            }
            return true;
        });
        return found;
    }

    private static void Walk(string path, Func<long, byte, bool> step)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long position = 0;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                if (!step(position, buffer[i])) return;
            }
        }
    }

    // A doubled quote inside a quoted field closes and reopens it, which leaves the state as it was.
    private sealed class Walker
    {
        private bool _quoted;
        private bool _afterCr;

        public int Row { get; private set; } = 1;
        public int Column { get; private set; }
        public long FieldBytes { get; private set; }

        public void Step(byte b)
        {
            var afterCr = _afterCr;
            _afterCr = false;
            if (b == '"') _quoted = !_quoted;
            else if (!_quoted && b == ',')
            {
                Column++;
                FieldBytes = 0;
                return;
            }
            else if (!_quoted && b is (byte)'\r' or (byte)'\n')
            {
                _afterCr = b == '\r';
                if (b == '\n' && afterCr) return;
                Row++;
                Column = 0;
                FieldBytes = 0;
                return;
            }
            FieldBytes++;
        }
    }
}
