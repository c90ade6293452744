using System.Diagnostics;

namespace Proposals.Storage;

/// <summary>
/// The few statements the three products spell differently. Every other query is one text for all:
/// dates and instants are parameters of their own types (see <see cref="StorageTypes"/>), flags are integers.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(StorageProvider.Sqlite);
    public static readonly SqlDialect Postgres = new(StorageProvider.Postgres);
    public static readonly SqlDialect SqlServer = new(StorageProvider.SqlServer);

    private SqlDialect(StorageProvider provider) => Provider = provider;

    public StorageProvider Provider { get; }

    public static SqlDialect For(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => Sqlite,
        StorageProvider.Postgres => Postgres,
        StorageProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The folder of migration scripts under <c>Migrations/</c>.</summary>
    public string MigrationFolder => Provider.Name();

    /// <summary>What ends an ordered SELECT to keep its first rows (<paramref name="parameter"/> holds how many).</summary>
    public string Limit(string parameter) => Provider switch
    {
        StorageProvider.Sqlite or StorageProvider.Postgres => $"LIMIT {parameter}",
        StorageProvider.SqlServer => $"OFFSET 0 ROWS FETCH NEXT {parameter} ROWS ONLY",
        _ => throw Unknown(Provider),
    };

    /// <summary>A SELECT of the first rows in an order; <paramref name="count"/> names the parameter holding how many.</summary>
    public string SelectFirst(string columns, string table, string where, string orderBy, string count) => Provider switch
    {
        StorageProvider.Sqlite or StorageProvider.Postgres => $"SELECT {columns} FROM {table} WHERE {where} ORDER BY {orderBy} LIMIT {count}",
        StorageProvider.SqlServer => $"SELECT TOP ({count}) {columns} FROM {table} WHERE {where} ORDER BY {orderBy}",
        _ => throw Unknown(Provider),
    };

    /// <summary>What ends an ordered SELECT to keep one page: <paramref name="limit"/> rows after skipping <paramref name="offset"/>.</summary>
    public string Page(string offset, string limit) => Provider switch
    {
        StorageProvider.Sqlite or StorageProvider.Postgres => $"LIMIT {limit} OFFSET {offset}",
        StorageProvider.SqlServer => $"OFFSET {offset} ROWS FETCH NEXT {limit} ROWS ONLY",
        _ => throw Unknown(Provider),
    };

    /// <summary>
    /// <paramref name="column"/> in a condition no index should serve: on SQLite, whose planner
    /// without statistics takes any index on a range, a year of a large ledger read through its index
    /// costs several times a scan of the whole table; the others choose from their statistics.
    /// </summary>
    public string Unindexed(string column) => Provider switch
    {
        StorageProvider.Sqlite => "+" + column,
        StorageProvider.Postgres or StorageProvider.SqlServer => column,
        _ => throw Unknown(Provider),
    };

    /// <summary>Text joined in SQL: <c>||</c> on SQLite and PostgreSQL, <c>+</c> on SQL Server.</summary>
    public string Concat(params string[] parts) => string.Join(Provider switch
    {
        StorageProvider.Sqlite or StorageProvider.Postgres => " || ",
        StorageProvider.SqlServer => " + ",
        _ => throw Unknown(Provider),
    }, parts);

    /// <summary>
    /// <paramref name="column"/> is one of the values of the list <paramref name="parameter"/>. Dapper expands
    /// <c>IN @List</c> into one parameter per value, except on Npgsql, which takes the list as one array.
    /// </summary>
    public string InList(string column, string parameter) => Provider switch
    {
        StorageProvider.Postgres => $"{column} = ANY({parameter})",
        StorageProvider.Sqlite or StorageProvider.SqlServer => $"{column} IN {parameter}",
        _ => throw Unknown(Provider),
    };

    /// <summary>
    /// An INSERT of one row that does nothing when a row with the same <paramref name="key"/> is there,
    /// also against a concurrent insert of the same key (SQL Server: a key-range lock held to the end).
    /// </summary>
    public string InsertUnlessExists(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key)
    {
        var columns = string.Join(", ", values.Select(v => v.Column));
        var row = string.Join(", ", values.Select(v => v.Value));
        switch (Provider)
        {
            case StorageProvider.Sqlite or StorageProvider.Postgres:
                return $"INSERT INTO {table} ({columns}) VALUES ({row}) ON CONFLICT ({string.Join(", ", key)}) DO NOTHING";
            case StorageProvider.SqlServer:
                var match = string.Join(" AND ", key.Select(k => $"{k} = {values.Single(v => v.Column == k).Value}"));
                return $"INSERT INTO {table} ({columns}) SELECT {row} WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {match})";
            default:
                throw Unknown(Provider);
        }
    }

    /// <summary>A count of the tables named <c>@Name</c> in the schema in use.</summary>
    public string CountTables => Provider switch
    {
        StorageProvider.Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @Name",
        StorageProvider.Postgres => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @Name",
        StorageProvider.SqlServer => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = SCHEMA_NAME() AND table_name = @Name",
        _ => throw Unknown(Provider),
    };

    // The three dialects above are the only ones made (For refuses any other provider).
    private static UnreachableException Unknown(StorageProvider provider) => new($"no SQL dialect for {provider}");
}
