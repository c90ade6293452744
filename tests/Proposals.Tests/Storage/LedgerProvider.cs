using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>
/// One database product the storage suite runs against. Each test gets a database of its own that
/// does not exist yet (a file path, or a database name on the server), dropped afterwards.
/// </summary>
public abstract class LedgerProvider
{
    /// <summary>Fails or skips the test, with the reason, when the product is not available here.</summary>
    public abstract void RequireAvailable();

    /// <summary>A handle on a fresh database that is not created yet.</summary>
    public abstract LedgerDatabase NewDatabase();

    /// <summary>A fresh database with the program's schema, as the migrator leaves it.</summary>
    public virtual LedgerDatabase NewMigratedDatabase()
    {
        var database = NewDatabase();
        SchemaMigrator.Upgrade(database);
        return database;
    }

    /// <summary>Deletes the database <see cref="NewDatabase"/> named, if it was created.</summary>
    public abstract Task DropAsync();
}
