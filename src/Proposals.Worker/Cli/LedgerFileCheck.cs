namespace Proposals.Worker.Cli;

/// <summary>Checks that a SQLite ledger file is there to be read, and says what is wrong with the path when it is not.</summary>
internal static class LedgerFileCheck
{
    // Every SQLite database file begins with these 16 bytes.
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <exception cref="UserInputException">The file is missing, a folder, empty, unreadable or not a SQLite database.</exception>
    public static void Require(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new UserInputException($"{full}: 是文件夹, 不是台账数据库文件 (is a folder, not a ledger database file; check --db or ConnectionStrings:Proposals)");
        if (!File.Exists(full))
            throw new UserInputException($"{full}: 台账数据库不存在; 检查 --db, 或先导入 proposals import (no ledger database here; check --db or ConnectionStrings:Proposals, or import first)");
        var header = new byte[SqliteHeader.Length];
        int read;
        try
        {
            using var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new UserInputException($"{full}: 无法读取台账数据库 (cannot read the ledger database): {e.Message}");
        }
        if (read == 0)
            throw new UserInputException($"{full}: 是空文件, 不是台账数据库 (is an empty file, not a ledger database)");
        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
            throw new UserInputException($"{full}: 不是 SQLite 台账数据库 (is not a SQLite ledger database)");
    }
}
