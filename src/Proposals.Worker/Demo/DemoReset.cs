using Microsoft.Data.Sqlite;
using Proposals.Worker.Cli;

namespace Proposals.Worker.Demo;

/// <summary>
/// <c>run --demo --reset</c>: deletes the demo ledger (its SQLite file and the files SQLite keeps
/// beside it), the demo's outbox and its reports, so that the demo builds a fresh set of items due
/// around today. A ledger holding items that are not the demo's is never deleted: <c>--db</c> may
/// name any file, and a real ledger must not go by a mistyped flag.
/// </summary>
internal static class DemoReset
{
    private static readonly string[] SqliteCompanions = ["", "-wal", "-shm", "-journal"];

    /// <summary>Deletes what the demo wrote; returns what it deleted, for the console.</summary>
    /// <exception cref="UserInputException">The ledger file holds items that are not the demo's: nothing was deleted.</exception>
    public static async Task<string> RunAsync(string ledgerPath, string? outbox, string? reports, CancellationToken cancellationToken)
    {
        var foreign = await ForeignItemsAsync(ledgerPath, cancellationToken).ConfigureAwait(false);
        if (foreign > 0)
        {
            throw new UserInputException(
                $"--reset: {ledgerPath} 中有 {foreign} 件不是演示事项, 不是演示台账, 未删除任何文件 " +
                $"({ledgerPath} holds {foreign} items that are not the demo's: it is not a demo ledger, and nothing was deleted)");
        }
        var deleted = new List<string>();
        foreach (var companion in SqliteCompanions)
        {
            var file = ledgerPath + companion;
            if (!File.Exists(file)) continue;
            File.Delete(file);
            deleted.Add(file);
        }
        foreach (var folder in new[] { outbox, reports })
        {
            if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder)) continue;
            Directory.Delete(folder, recursive: true);
            deleted.Add(folder + "/");
        }
        return deleted.Count == 0
            ? "演示台账尚不存在, 无需重置 (no demo ledger yet: nothing to reset)"
            : $"已重置演示 (demo reset), 已删除 (deleted): {string.Join(", ", deleted)}";
    }

    // Items of another session than the demo's; none when the file or its items table is missing.
    private static async Task<long> ForeignItemsAsync(string ledgerPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(ledgerPath)) return 0;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = ledgerPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'items'";
            if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L) == 0) return 0;
            command.CommandText = "SELECT COUNT(*) FROM items WHERE session <> @Session";
            command.Parameters.AddWithValue("@Session", DemoLedger.Session);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
        }
        catch (SqliteException e)
        {
            throw new UserInputException($"--reset: {ledgerPath} 不是可读的 SQLite 台账, 未删除任何文件 (is not a readable SQLite ledger, and nothing was deleted): {e.Message}");
        }
    }
}
