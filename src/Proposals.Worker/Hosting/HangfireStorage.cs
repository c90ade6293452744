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
        return StorageProviders.Parse(provider) switch
        {
            StorageProvider.Postgres => hangfire.UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, InvisibilityTimeout = TimeSpan.FromMinutes(30) }),
            StorageProvider.SqlServer => hangfire.UseSqlServerStorage(connectionString, new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
            }),
            _ => hangfire.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }),
        };
    }
}
