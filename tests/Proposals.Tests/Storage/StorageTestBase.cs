using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>
/// The base of the storage suite: every test class derives from it once, generically, and each
/// provider runs the same classes through a one-line subclass (SqliteSuite.cs, PostgresSuite.cs,
/// SqlServerSuite.cs). A test gets a fresh, migrated database of its own.
/// </summary>
public abstract class StorageTestBase<TProvider> : IAsyncLifetime where TProvider : LedgerProvider, new()
{
    protected static readonly Division[] Divisions =
    [
        new("综合处", "zonghe@finance.example.org", "zonghe.head@finance.example.org"),
        new("银行保险处", "yinbao@finance.example.org", "yinbao.head@finance.example.org"),
        new("金融服务处", "fuwu@finance.example.org", null),
    ];

    private readonly TProvider _provider = new();
    private LedgerDatabase? _database;

    /// <summary>Whether the database is migrated before each test (the migrator's tests start from nothing).</summary>
    protected virtual bool Migrated => true;

    protected LedgerDatabase Database => _database ?? throw new InvalidOperationException("the database is made in InitializeAsync");

    public async Task InitializeAsync()
    {
        _provider.RequireAvailable();
        _database = Migrated ? await Task.Run(_provider.NewMigratedDatabase) : _provider.NewDatabase();
    }

    public Task DisposeAsync() => _provider.DropAsync();

    /// <summary>Runs one statement on the test's database, outside the stores (to set up what they cannot).</summary>
    protected async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync();
    }
}
