using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// Raw ADO.NET on a ledger database, as the bare baselines and the harness's row counts use it:
/// <c>sqlite</c> (Microsoft.Data.Sqlite) or <c>postgres</c> (Npgsql), with the connection string the
/// program is given.
/// </summary>
internal sealed record RawDatabase(string Provider, string ConnectionString)
{
    /// <summary>The item count the harness checks after an import (the table's name is all it relies on).</summary>
    public const string CountItems = "SELECT COUNT(*) FROM items";

    /// <summary>The reminder rows a sweep wrote, counted before and after it.</summary>
    public const string CountReminders = "SELECT COUNT(*) FROM reminders";

    public bool IsPostgres => Provider == "postgres";

    /// <summary>An open connection.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        // No pooling for SQLite: an idle pooled connection would keep the program's ledger file open between operations.
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync().ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs a COUNT(*) statement; null when it fails (the table is not there), with the reason.</summary>
    public async Task<(long? Count, string? Error)> CountAsync(string sql)
    {
        try
        {
            await using var connection = await OpenAsync().ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var value = await command.ExecuteScalarAsync().ConfigureAwait(false);
            return (Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), null);
        }
        catch (DbException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Runs statements without parameters (the harness's own DDL).</summary>
    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
