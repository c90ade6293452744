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
        // Workers never create Hangfire's tables: several starting at once would race to, so
        // `proposals migrate` creates them with the ledger's (see Install).
        return StorageProviders.Parse(provider) switch
        {
            StorageProvider.Postgres => hangfire.UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(connectionString), PostgresOptions(prepareSchema: false)),
            StorageProvider.SqlServer => hangfire.UseSqlServerStorage(connectionString, SqlServerOptions(prepareSchema: false)),
            _ => hangfire.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }),
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
