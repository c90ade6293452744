using Proposals.Tests.Infrastructure;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>Choosing the provider, checking its connection string, and SQLite's connection settings.</summary>
public sealed class LedgerDatabaseTests
{
    [Theory]
    [InlineData(null, StorageProvider.Sqlite)]
    [InlineData("", StorageProvider.Sqlite)]
    [InlineData("SQLite", StorageProvider.Sqlite)]
    [InlineData("postgres", StorageProvider.Postgres)]
    [InlineData("postgresql", StorageProvider.Postgres)]
    [InlineData("sqlserver", StorageProvider.SqlServer)]
    public void Provider_ParsesTheSetting(string? setting, StorageProvider expected) =>
        Assert.Equal(expected, StorageProviders.Parse(setting));

    [Fact]
    public void Create_UnknownProvider_NamesTheSettingAndTheChoices()
    {
        var e = Assert.Throws<StorageException>(() => LedgerDatabase.Create("mysql", "Server=x"));

        Assert.Contains("Storage:Provider 'mysql'", e.Message, StringComparison.Ordinal);
        Assert.Contains(StorageProviders.Accepted, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Defaults_ToTheSqliteFileUnderData()
    {
        var database = LedgerDatabase.Create(null, null);

        Assert.Equal((StorageProvider.Sqlite, "data/proposals.db"), (database.Provider, database.DataSource));
    }

    [Theory]
    [InlineData("postgres", "Data Source=data/proposals.db", "is not a postgres connection string")]
    [InlineData("postgres", "", "no connection string for Storage:Provider postgres")]
    [InlineData("sqlserver", "Data Source=data/proposals.db", "is not a sqlserver connection string")]
    [InlineData("sqlserver", "Host=127.0.0.1;Database=proposals", "is not a sqlserver connection string")]
    [InlineData("sqlite", "Host=127.0.0.1", "is not a sqlite connection string")]
    public void Create_ConnectionStringOfAnotherProvider_IsRefusedWithAnExample(string provider, string connectionString, string expected)
    {
        var e = Assert.Throws<StorageException>(() => LedgerDatabase.Create(provider, connectionString));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("e.g.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataSource_OfAServer_NamesServerAndDatabase_NeverThePassword()
    {
        var database = LedgerDatabase.Create("postgres", "Host=db.example.org;Port=5433;Database=proposals;Username=p;Password=secret");

        Assert.Equal("db.example.org:5433/proposals", database.DataSource);
        Assert.True(database.Exists());
    }

    [Fact]
    public async Task Sqlite_OpensInWalMode_WithABusyTimeout()
    {
        var folder = Directory.CreateTempSubdirectory("proposals-storage-").FullName;
        try
        {
            var database = LedgerDatabase.ForFile(Path.Combine(folder, "sub", "ledger.db"));
            Assert.False(database.Exists());

            await using (var connection = await database.OpenAsync())
            {
                Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
                Assert.Equal("60000", await ScalarAsync(connection, "PRAGMA busy_timeout"));
            }

            Assert.True(database.Exists());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WaitUntilReachable_ServerDown_LogsEachRetryInOneLine_ThenGivesUpWithAPlainMessage()
    {
        var database = LedgerDatabase.Create("postgres", $"Host=127.0.0.1;Port={Ports.Free()};Database=proposals;Username=p;Timeout=2");
        var lines = new List<string>();

        var e = await Assert.ThrowsAsync<StorageException>(() => database.WaitUntilReachableAsync(lines.Add, TimeSpan.FromSeconds(3.5)));

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains("database unreachable, retry", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain("\n", l, StringComparison.Ordinal));
        Assert.Contains("database unreachable", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 次尝试 (attempts)", e.Message, StringComparison.Ordinal);
    }


    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
