namespace Proposals.Worker.Reporting;

/// <summary>
/// Writes a file aside, in the same folder, and moves it into place only once it is complete: a write
/// that fails half-way (a database error while streaming rows, a full disk) leaves the previous file
/// as it was, and someone opening the file never sees half of it.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; the folder is created when missing.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (target, aside) = Prepare(path);
        try
        {
            using (var stream = Create(aside))
            {
                write(stream);
                Complete(stream);
            }
            File.Move(aside, target, overwrite: true);
        }
        catch
        {
            TryDelete(aside);
            throw;
        }
    }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; the folder is created when missing.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (target, aside) = Prepare(path);
        try
        {
            await using (var stream = Create(aside))
            {
                await write(stream).ConfigureAwait(false);
                Complete(stream);
            }
            File.Move(aside, target, overwrite: true);
        }
        catch
        {
            TryDelete(aside);
            throw;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, byte[] bytes) => Write(path, s => s.Write(bytes));

    private static (string Target, string Aside) Prepare(string path)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        // Same folder, so the move is a rename on one volume; a name of its own, so two writers never share it.
        return (target, Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp"));
    }

    private static FileStream Create(string aside) => new(aside, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

    // On disk before the rename: after a power cut the file is the old one or the new one, whole.
    private static void Complete(FileStream stream) => stream.Flush(flushToDisk: true);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The error that stopped the write is the one to report; a stray temporary file is harmless.
        }
    }
}
