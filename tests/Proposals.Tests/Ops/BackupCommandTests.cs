using Microsoft.Data.Sqlite;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Cli;

namespace Proposals.Tests.Ops;

public sealed class BackupCommandTests
{
    private const int Batch = 10;

    [Fact]
    public async Task Backup_CopiesWholeTransactions_WhileAnotherConnectionWrites()
    {
        using var ledger = new TempLedger();
        string target;
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var started = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            await using var connection = await ledger.Database.OpenAsync();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                for (var i = 0; i < Batch; i++)
                {
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO divisions (name, email) VALUES ($name, 'x@finance.example.org')";
                    insert.Parameters.Add(new SqliteParameter("$name", $"处室{n}-{i}"));
                    await insert.ExecuteNonQueryAsync();
                }
                await transaction.CommitAsync();
                Interlocked.Add(ref committed, Batch);
                if (n == 20) started.TrySetResult();
            }
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A backup of a small file can finish between two of the writer's commits; the test is about a
        // copy taken while writes land, so it backs up again (to a fresh folder) until one overlapped.
        int before, after, exit;
        string output;
        var attempt = 0;
        try
        {
            do
            {
                target = Path.Combine(ledger.Folder, $"backups{++attempt}", "copy.db");
                before = Volatile.Read(ref committed);
                (exit, output) = await OpsSupport.BackupAsync(target, "--db", ledger.Path);
                after = Volatile.Read(ref committed);
            }
            while (exit == ExitCodes.Ok && after == before && attempt < 20);
        }
        finally
        {
            // The writer stops whatever happened: left running, it would load the machine for the rest of the run.
            await stop.CancelAsync();
            await writer;
        }
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(target, output);
        Assert.True(after > before, $"the writer committed nothing during any of {attempt} backups");
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync();
        var rows = await ScalarAsync(copy, "SELECT COUNT(*) FROM divisions");
        Assert.InRange(rows, before, Volatile.Read(ref committed));
        Assert.Equal(0, rows % Batch); // a snapshot holds whole transactions only
        Assert.Equal("ok", await TextAsync(copy, "PRAGMA integrity_check"));
        Assert.Equal("delete", await TextAsync(copy, "PRAGMA journal_mode"));
        Assert.Equal(["copy.db"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Backup_HoldsTheLedgerRows_AndTheCopyMigratesAsTheLedger()
    {
        using var ledger = await new TempLedger().WithDivisionsAsync();
        var target = Path.Combine(ledger.Folder, "copy.db");

        var (exit, _) = await OpsSupport.BackupAsync(target, "--db", ledger.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        var copy = LedgerDatabase.ForFile(target);
        Assert.Empty(SchemaMigrator.Pending(copy));
        var divisions = await new DivisionStore(copy).AllAsync();
        Assert.Equal(TempLedger.Divisions.Select(d => d.Name).Order(), divisions.Keys.Order());
    }

    [Fact]
    public async Task Backup_RefusesToOverwrite_UnlessForced()
    {
        using var ledger = await new TempLedger().WithDivisionsAsync();
        var target = Path.Combine(ledger.Folder, "existing.db");
        await File.WriteAllTextAsync(target, "an earlier backup");

        var refused = await Assert.ThrowsAsync<UserInputException>(() => OpsSupport.BackupAsync(target, "--db", ledger.Path));

        Assert.Contains("--force", refused.Message);
        Assert.Contains(target, refused.Message);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(target));

        var (exit, _) = await OpsSupport.BackupAsync(target, "--force", "--db", ledger.Path);

        Assert.Equal(ExitCodes.Ok, exit);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await copy.OpenAsync();
        Assert.Equal(TempLedger.Divisions.Length, await ScalarAsync(copy, "SELECT COUNT(*) FROM divisions"));
    }

    [Fact]
    public async Task Backup_Refuses_WhenTheLedgerDoesNotExist_AndCreatesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("proposals-backup-").FullName;
        try
        {
            var missing = Path.Combine(folder, "none.db");
            var e = await Assert.ThrowsAsync<UserInputException>(() => OpsSupport.BackupAsync(Path.Combine(folder, "copy.db"), "--db", missing));
            Assert.Contains(missing, e.Message);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Backup_Refuses_TheLedgerItselfAsTarget()
    {
        using var ledger = new TempLedger();
        var e = await Assert.ThrowsAsync<UserInputException>(() => OpsSupport.BackupAsync(ledger.Path, "--force", "--db", ledger.Path));
        Assert.Contains("ledger itself", e.Message);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("sqlite", null)]
    [InlineData(" SQLite ", null)]
    [InlineData("postgres", "pg_dump")]
    [InlineData("PostgreSQL", "pg_dump")]
    [InlineData("sqlserver", "BACKUP DATABASE")]
    [InlineData("mssql", "BACKUP DATABASE")]
    [InlineData("npgsql", "pg_dump")]
    [InlineData("oracle", "expected sqlite, postgres or sqlserver")]
    public void RefusalFor_NamesTheProvidersOwnTool(string? provider, string? expected)
    {
        var refusal = BackupCommand.RefusalFor(provider);
        if (expected is null) Assert.Null(refusal);
        else Assert.Contains(expected, refusal);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> TextAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
