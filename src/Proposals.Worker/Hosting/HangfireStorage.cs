using System.Diagnostics;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Proposals.Storage;

namespace Proposals.Worker.Hosting;

/// <summary>
/// Where Hangfire keeps its own state, matching the ledger's provider. On SQLite it stays in memory
/// (the ledger is the record of what must be sent, so a restart loses dashboard history at most);
/// on a server it lives in the same database, in Hangfire's own schema, so several workers share it.
/// </summary>
internal static class HangfireStorage
{
    public static IGlobalConfiguration UseProposalsStorage(this IGlobalConfiguration hangfire, string provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(hangfire);
        // `proposals migrate` creates Hangfire's tables with the ledger's (see Install), so that workers
        // starting together find them there; each worker still checks them, as Hangfire does by default.
        return StorageProviders.Parse(provider) switch
        {
            StorageProvider.Postgres => hangfire.UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(connectionString), PostgresOptions(prepareSchema: true)),
            StorageProvider.SqlServer => hangfire.UseSqlServerStorage(connectionString, SqlServerOptions(prepareSchema: true)),
            StorageProvider.Sqlite => hangfire.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }),
            // Parse refuses any name that is not one of the three.
            _ => throw new UnreachableException($"Storage:Provider '{provider}'"),
        };
    }

    /// <summary>Creates or upgrades Hangfire's own tables in a server database; nothing to do for the in-memory storage.</summary>
    public static void Install(StorageProvider provider, string connectionString)
    {
        switch (provider)
        {
            case StorageProvider.Postgres:
                var options = PostgresOptions(prepareSchema: true);
                _ = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
                break;
            case StorageProvider.SqlServer:
                _ = new SqlServerStorage(connectionString, SqlServerOptions(prepareSchema: true));
                break;
            case StorageProvider.Sqlite:
                // Hangfire keeps its jobs in memory beside a SQLite ledger: no tables to create.
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    private static PostgreSqlStorageOptions PostgresOptions(bool prepareSchema) =>
        new() { PrepareSchemaIfNecessary = prepareSchema, InvisibilityTimeout = TimeSpan.FromMinutes(30) };

    private static SqlServerStorageOptions SqlServerOptions(bool prepareSchema) => new()
    {
        PrepareSchemaIfNecessary = prepareSchema,
        SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
    };
}
