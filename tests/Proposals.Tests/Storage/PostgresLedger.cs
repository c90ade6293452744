using Npgsql;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>
/// PostgreSQL: a database of its own on the server named by <c>PROPOSALS_TEST_POSTGRES</c>, which
/// ops/test.sh starts on 127.0.0.1 (ops/postgres.sh). Never skipped: without the variable the tests fail.
/// </summary>
public sealed class PostgresLedger : LedgerProvider
{
    public const string Variable = "PROPOSALS_TEST_POSTGRES";
    private string? _name;
    private LedgerDatabase? _database;

    private static string? Server => Environment.GetEnvironmentVariable(Variable);

    public override void RequireAvailable()
    {
        if (string.IsNullOrWhiteSpace(Server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set: run ops/test.sh, which starts PostgreSQL (or eval \"$(ops/postgres.sh start)\" before dotnet test).");
        }
    }

    // Migrating a database costs about half a second of CPU between the test process and the server;
    // copying one the migrator made once per run costs a tenth of that.
    private static readonly Lazy<string> Template = new(MakeTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public override LedgerDatabase NewDatabase()
    {
        _name = $"proposals_test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = _name };
        return _database = new LedgerDatabase(StorageProvider.Postgres, builder.ToString());
    }

    /// <summary>A copy of the run's migrated template (the migrator's own tests start from <see cref="NewDatabase"/>).</summary>
    public override LedgerDatabase NewMigratedDatabase()
    {
        var template = Template.Value;
        var database = NewDatabase();
        // Names are made here, never from outside: CREATE DATABASE takes no parameters.
        OnServer($"CREATE DATABASE \"{_name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        return database;
    }

    private static string MakeTemplate()
    {
        var name = $"proposals_template_{Guid.NewGuid():N}";
        var database = new LedgerDatabase(StorageProvider.Postgres, new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString());
        SchemaMigrator.Upgrade(database);
        using (var pooled = new NpgsqlConnection(database.ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        // No connections (autovacuum's included) to get in the way of a copy.
        OnServer($"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                OnServer($"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE false");
                OnServer($"DROP DATABASE IF EXISTS \"{name}\"");
            }
            catch (NpgsqlException)
            {
                // The server is gone already (ops/test.sh stops it): nothing is left to drop.
            }
        };
        return name;
    }

    private static void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public override async Task DropAsync()
    {
        if (_name is null) return;
        using (var pooled = new NpgsqlConnection(_database!.ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}
