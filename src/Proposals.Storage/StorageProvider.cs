namespace Proposals.Storage;

/// <summary>The database products the ledger can live in (setting <c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    Postgres,

    /// <summary>A Microsoft SQL Server (or Azure SQL) database.</summary>
    SqlServer,
}

/// <summary>Names of <see cref="StorageProvider"/> as settings spell them.</summary>
public static class StorageProviders
{
    /// <summary>The names the setting accepts, for messages.</summary>
    public const string Accepted = "sqlite, postgres, sqlserver";

    /// <summary>Reads <c>Storage:Provider</c>; empty means SQLite.</summary>
    /// <exception cref="StorageException">The name is none of <see cref="Accepted"/>.</exception>
    public static StorageProvider Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StorageProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => StorageProvider.Postgres,
        "sqlserver" or "mssql" => StorageProvider.SqlServer,
        _ => throw new StorageException($"Storage:Provider '{name}' 不是可用的数据库 (is not one of {Accepted})"),
    };

    /// <summary>The setting's spelling of <paramref name="provider"/>.</summary>
    public static string Name(this StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => "sqlite",
        StorageProvider.Postgres => "postgres",
        StorageProvider.SqlServer => "sqlserver",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
