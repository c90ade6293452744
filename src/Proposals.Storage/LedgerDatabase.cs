using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Proposals.Storage;

/// <summary>
/// Where the ledger lives and how to open a connection to it. SQLite is the embedded default;
/// every connection gets a busy timeout so that a second writer waits instead of failing.
/// </summary>
public sealed class LedgerDatabase
{
    /// <summary>The embedded default: a SQLite file under the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=data/proposals.db";

    /// <summary>Builds the database handle from a connection string.</summary>
    public LedgerDatabase(string? connectionString)
    {
        ConnectionString = NormaliseSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
    }

    /// <summary>The connection string in force.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file path, for messages and backups.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>A handle on the SQLite file at <paramref name="path"/> (the <c>--db PATH</c> shortcut).</summary>
    public static LedgerDatabase ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path }.ToString());

    /// <summary>Opens a connection, creating the file's folder when it is missing.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        EnsureFolder();
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var pragma = connection.CreateCommand())
        {
            // WAL lets readers (the dashboard, reports) go on while the sweep writes.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return connection;
    }

    /// <summary>Creates the folder the SQLite file lives in, so that a first run on a fresh machine needs no set-up.</summary>
    public void EnsureFolder()
    {
        if (DataSource is ":memory:" or "") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    private static string NormaliseSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout == 30) builder.DefaultTimeout = 60;
        return builder.ToString();
    }
}
