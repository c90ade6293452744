using Microsoft.Data.SqlClient;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>
/// SQL Server: a database of its own on the server named by <c>PROPOSALS_TEST_SQLSERVER</c>. No SQL
/// Server runs on the Linux test machine, so without the variable these tests are skipped, saying so.
/// </summary>
public sealed class SqlServerLedger : LedgerProvider
{
    public const string Variable = "PROPOSALS_TEST_SQLSERVER";
    private string? _name;
    private LedgerDatabase? _database;

    private static string? Server => Environment.GetEnvironmentVariable(Variable);

    public override void RequireAvailable() =>
        Skip.If(string.IsNullOrWhiteSpace(Server),
            $"{Variable} is not set: no SQL Server runs on this machine; set it to a connection string to run the storage suite on SQL Server.");

    public override LedgerDatabase NewDatabase()
    {
        _name = $"proposals_test_{Guid.NewGuid():N}";
        var builder = new SqlConnectionStringBuilder(Server) { InitialCatalog = _name };
        return _database = new LedgerDatabase(StorageProvider.SqlServer, builder.ToString());
    }

    public override async Task DropAsync()
    {
        if (_name is null) return;
        using (var pooled = new SqlConnection(_database!.ConnectionString)) SqlConnection.ClearPool(pooled);
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(Server) { InitialCatalog = "master" }.ToString());
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText =
            "IF DB_ID(@Name) IS NOT NULL BEGIN " +
            "DECLARE @Sql nvarchar(max) = N'ALTER DATABASE ' + QUOTENAME(@Name) + N' SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ' + QUOTENAME(@Name); " +
            "EXEC sp_executesql @Sql; END";
        drop.Parameters.AddWithValue("@Name", _name);
        await drop.ExecuteNonQueryAsync();
    }
}
