using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals backup FILE [--force]</c>: a consistent copy of the SQLite ledger (台账备份), safe
/// while the worker runs. It uses SQLite's online backup API, which copies one snapshot of the
/// database even while another connection writes; the copy is written aside, checked, then moved
/// into place, so FILE is either the whole backup or untouched. PostgreSQL and SQL Server have
/// their own tools, which the message names.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(Console console)
    {
        var file = new Argument<string>("FILE") { Description = "备份文件 (the copy to write, e.g. backups/proposals-2026-11-26.db)" };
        var force = new Option<bool>("--force") { Description = "覆盖已有的文件 (replace FILE when it exists)" };
        var db = CommonOptions.Db();
        var command = new Command("backup", "备份 SQLite 台账, 服务运行时亦可 (a consistent copy of the SQLite ledger, also while the worker runs)") { file, force, db };
        command.SetAction(async (parse, cancel) =>
        {
            var dbPath = parse.GetValue(db);
            await using var context = CommandContext.Create(console, dbPath);
            // --db always names a SQLite file; otherwise the configured provider decides.
            var provider = dbPath is null ? context.Configuration["Storage:Provider"] : "sqlite";
            if (RefusalFor(provider) is { } refusal) throw new UserInputException(refusal);

            var source = Path.GetFullPath(context.Database.DataSource);
            var target = Path.GetFullPath(parse.GetValue(file)!);
            LedgerFileCheck.Require(source);
            if (string.Equals(source, target, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                throw new UserInputException($"{target}: 备份文件不能是台账数据库本身 (the backup cannot be the ledger itself)");
            }
            var replace = parse.GetValue(force);
            if (File.Exists(target) && !replace) throw new UserInputException($"{target}: 文件已存在, 加 --force 覆盖 (the file exists; add --force to replace it)");
            if (Directory.Exists(target)) throw new UserInputException($"{target}: 是一个文件夹 (is a folder; name a file)");

            var copy = await WriteAsync(context.Database.ConnectionString, target, replace, cancel).ConfigureAwait(false);
            await console.Out.WriteLineAsync(
                $"已备份 (backed up) {source} -> {target}: {copy.Items} 件事项 items, {copy.Reminders} 条催办记录 reminders, {copy.Bytes / 1024} KB").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The message for a provider this command does not back up; null for SQLite.</summary>
    public static string? RefusalFor(string? provider) => (provider ?? "sqlite").Trim().ToLowerInvariant() switch
    {
        "" or "sqlite" => null,
        "postgres" or "postgresql" or "npgsql" =>
            "proposals backup 只备份 SQLite 台账; PostgreSQL 请用 pg_dump (backs up SQLite only; for PostgreSQL use " +
            "`pg_dump -Fc -d proposals -f proposals.dump`, restore with pg_restore; see ops/DEPLOYMENT.md)",
        "sqlserver" or "mssql" =>
            "proposals backup 只备份 SQLite 台账; SQL Server 请用 BACKUP DATABASE (backs up SQLite only; for SQL Server use " +
            "`BACKUP DATABASE [proposals] TO DISK = N'...'` or your backup agent; see ops/DEPLOYMENT.md)",
        var other => $"Storage:Provider '{other}' 未知 (unknown; expected sqlite, postgres or sqlserver)",
    };

    /// <summary>What the copy holds, read back from the copy itself.</summary>
    internal sealed record Copy(long Items, long Reminders, long Bytes);

    /// <summary>Writes a checked copy of the SQLite database to <paramref name="target"/>.</summary>
    internal static async Task<Copy> WriteAsync(string sourceConnectionString, string target, bool replace, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            // Mode=ReadWrite: the source must exist; it is never created by a backup.
            var sourceText = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
            var copyText = new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString();
            await Task.Run(() => Backup(sourceText, copyText), cancellationToken).ConfigureAwait(false);
            var copy = await CheckAsync(copyText, cancellationToken).ConfigureAwait(false);
            File.Move(partial, target, overwrite: replace);
            return copy with { Bytes = new FileInfo(target).Length };
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" })
            {
                try { File.Delete(leftover); }
                catch (IOException) { /* a stray temporary file is harmless and named as such */ }
            }
        }
    }

    // SQLITE_BUSY and SQLITE_LOCKED: another connection held the file for a moment (a checkpoint, the
    // last connection of a pool closing). The busy timeouts wait for most; a few tries cover the rest.
    private const int Busy = 5, Locked = 6, Tries = 5;

    private static void Backup(string sourceText, string copyText)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                BackupOnce(sourceText, copyText);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is Busy or Locked && attempt < Tries)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private static void BackupOnce(string sourceText, string copyText)
    {
        using var source = new SqliteConnection(sourceText);
        source.Open();
        using var copy = new SqliteConnection(copyText);
        copy.Open();
        foreach (var connection in new[] { source, copy })
        {
            using var wait = connection.CreateCommand();
            wait.CommandText = "PRAGMA busy_timeout = 5000;";
            wait.ExecuteNonQuery();
        }
        // One step over all pages under one read transaction: a snapshot, however busy the writers.
        source.BackupDatabase(copy);
        using var journal = copy.CreateCommand();
        // A backup is one self-contained file: no -wal beside it to lose when it is copied away.
        journal.CommandText = "PRAGMA journal_mode = DELETE;";
        journal.ExecuteNonQuery();
    }

    private static async Task<Copy> CheckAsync(string copyText, CancellationToken cancellationToken)
    {
        await using var copy = new SqliteConnection(copyText);
        await copy.OpenAsync(cancellationToken).ConfigureAwait(false);
        var integrity = Convert.ToString(await ScalarAsync(copy, "PRAGMA integrity_check;", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (integrity != "ok") throw new Storage.StorageException($"备份副本校验失败 (the copy failed its integrity check): {integrity}");
        var items = await CountAsync(copy, "items", cancellationToken).ConfigureAwait(false);
        var reminders = await CountAsync(copy, "reminders", cancellationToken).ConfigureAwait(false);
        return new Copy(items, reminders, 0);
    }

    /// <summary>Rows of <paramref name="table"/>, or 0 when a ledger not yet migrated has no such table.</summary>
    private static async Task<long> CountAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var exists = await ScalarAsync(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';", cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(exists, System.Globalization.CultureInfo.InvariantCulture) == 0) return 0;
        return Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM {table};", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
