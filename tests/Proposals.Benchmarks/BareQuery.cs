using Microsoft.Data.Sqlite;

namespace Proposals.Benchmarks;

/// <summary>
/// The floor to compare the project's code with: one SqliteCommand, one reader, every column of
/// every row read and dropped, no mapping to objects.
/// </summary>
internal static class BareQuery
{
    /// <summary>Runs <paramref name="sql"/> and reads every value; returns the row count.</summary>
    public static async Task<long> ReadAllAsync(string connectionString, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        long rows = 0;
        var fields = reader.FieldCount;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < fields; i++)
            {
                if (!reader.IsDBNull(i)) _ = reader.GetValue(i);
            }
            rows++;
        }
        return rows;
    }

    /// <summary>The rows of EXPLAIN QUERY PLAN for <paramref name="sql"/>, indented as SQLite nests them.</summary>
    public static async Task<IReadOnlyList<string>> PlanAsync(string connectionString, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var depth = new Dictionary<long, int> { [0] = 0 };
        var lines = new List<string>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            var parent = reader.GetInt64(1);
            var level = depth.GetValueOrDefault(parent) + 1;
            depth[id] = level;
            lines.Add(new string(' ', level * 2) + reader.GetString(3));
        }
        return lines;
    }
}
