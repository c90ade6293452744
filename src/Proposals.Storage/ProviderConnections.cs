using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Proposals.Storage;

/// <summary>How each product's connection string is read, checked and opened, and how its failures read.</summary>
internal static class ProviderConnections
{
    /// <summary>The embedded default: a SQLite file under the working directory.</summary>
    public const string SqliteDefault = "Data Source=data/proposals.db";

    // SQL Server errors that mean "not there yet" (timeouts, network, database starting or paused).
    private static readonly HashSet<int> SqlServerTransient = [-2, -1, 2, 53, 258, 233, 10053, 10054, 10060, 10061, 11001, 40613, 40197, 40501];

    /// <summary>Checks the connection string against the provider and fills in the program's defaults.</summary>
    public static string Normalise(StorageProvider provider, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == StorageProvider.Sqlite) connectionString = SqliteDefault;
            else throw new StorageException(
                $"ConnectionStrings:Proposals 未设置 (no connection string for Storage:Provider {provider.Name()}; e.g. {Example(provider)})");
        }
        try
        {
            switch (provider)
            {
                case StorageProvider.Sqlite:
                    var sqlite = new SqliteConnectionStringBuilder(connectionString);
                    // A second writer waits its turn instead of failing at once.
                    if (sqlite.DefaultTimeout == 30) sqlite.DefaultTimeout = 60;
                    return sqlite.ToString();
                case StorageProvider.Postgres:
                    var postgres = new NpgsqlConnectionStringBuilder(connectionString);
                    if (string.IsNullOrEmpty(postgres.ApplicationName)) postgres.ApplicationName = "proposals";
                    return postgres.ToString();
                case StorageProvider.SqlServer:
                    var sqlServer = new SqlConnectionStringBuilder(connectionString);
                    if (sqlServer.DataSource.EndsWith(".db", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException("it names a SQLite file");
                    if (string.IsNullOrEmpty(sqlServer.ApplicationName) || sqlServer.ApplicationName.StartsWith("Framework Microsoft SqlClient", StringComparison.Ordinal))
                    {
                        sqlServer.ApplicationName = "proposals";
                    }
                    return sqlServer.ToString();
                default:
                    throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StorageException(
                $"ConnectionStrings:Proposals 不是 {provider.Name()} 的连接字符串 (is not a {provider.Name()} connection string: {e.Message}; e.g. {Example(provider)})", e);
        }
    }

    public static DbConnection Create(StorageProvider provider, string connectionString) => provider switch
    {
        StorageProvider.Sqlite => new SqliteConnection(connectionString),
        StorageProvider.Postgres => new NpgsqlConnection(connectionString),
        StorageProvider.SqlServer => new SqlConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Where the ledger is, for messages: the file, or server and database (never the password).</summary>
    public static string Describe(StorageProvider provider, string connectionString)
    {
        switch (provider)
        {
            case StorageProvider.Sqlite:
                return new SqliteConnectionStringBuilder(connectionString).DataSource;
            case StorageProvider.Postgres:
                var postgres = new NpgsqlConnectionStringBuilder(connectionString);
                return $"{postgres.Host}:{postgres.Port}/{postgres.Database ?? postgres.Username}";
            case StorageProvider.SqlServer:
                var sqlServer = new SqlConnectionStringBuilder(connectionString);
                return $"{sqlServer.DataSource}/{sqlServer.InitialCatalog}";
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>The server answered that the database itself does not exist (yet): <c>proposals migrate</c> creates it.</summary>
    public static bool IsMissingDatabase(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.InvalidCatalogName,
        SqlException sqlServer => sqlServer.Number == 4060,
        _ => exception.InnerException is { } inner && IsMissingDatabase(inner),
    };

    /// <summary>The server cannot be reached or is not ready: worth waiting for, not worth a stack trace.</summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        SocketException or TimeoutException or IOException => true,
        SqlException sqlServer => sqlServer.Errors.Cast<SqlError>().Any(e => SqlServerTransient.Contains(e.Number)),
        DbException { IsTransient: true } => true,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };

    internal static string Example(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => SqliteDefault,
        StorageProvider.Postgres => "Host=127.0.0.1;Port=5432;Database=proposals;Username=proposals;Password=...",
        StorageProvider.SqlServer => "Server=tcp:db.example.org,1433;Database=proposals;User ID=proposals;Password=...;Encrypt=True",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
