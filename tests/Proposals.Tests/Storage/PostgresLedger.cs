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

    public override LedgerDatabase NewDatabase()
    {
        _name = $"proposals_test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = _name };
        return _database = new LedgerDatabase(StorageProvider.Postgres, builder.ToString());
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
