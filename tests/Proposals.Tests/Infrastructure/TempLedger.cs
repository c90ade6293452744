using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Tests.Infrastructure;

/// <summary>A real SQLite ledger file in a folder of its own, migrated, deleted afterwards.</summary>
internal sealed class TempLedger : IDisposable
{
    public TempLedger()
    {
        Folder = Directory.CreateTempSubdirectory("proposals-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "ledger.db");
        Database = LedgerDatabase.ForFile(Path);
        SchemaMigrator.Upgrade(Database);
    }

    public string Folder { get; }
    public string Path { get; }
    public LedgerDatabase Database { get; }

    public static readonly Division[] Divisions =
    [
        new("综合处", "zonghe@finance.example.org", "zonghe.head@finance.example.org"),
        new("银行保险处", "yinbao@finance.example.org", "yinbao.head@finance.example.org"),
        new("金融服务处", "fuwu@finance.example.org", null),
    ];

    public async Task<TempLedger> WithDivisionsAsync()
    {
        await new DivisionStore(Database).UpsertAsync(Divisions);
        return this;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold the file; the temp folder is cleaned by the system.
        }
    }
}
