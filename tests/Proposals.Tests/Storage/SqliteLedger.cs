using Microsoft.Data.Sqlite;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>SQLite: a file in a temporary folder of its own. Always available.</summary>
public sealed class SqliteLedger : LedgerProvider
{
    private string? _folder;
    private LedgerDatabase? _database;

    public override void RequireAvailable()
    {
    }

    public override LedgerDatabase NewDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("proposals-storage-").FullName;
        return _database = LedgerDatabase.ForFile(Path.Combine(_folder, "ledger.db"));
    }

    public override Task DropAsync()
    {
        if (_database is not null)
        {
            using var connection = new SqliteConnection(_database.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
        try
        {
            if (_folder is not null) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A failed test may still hold the file; the system cleans its temporary folder.
        }
        return Task.CompletedTask;
    }
}
