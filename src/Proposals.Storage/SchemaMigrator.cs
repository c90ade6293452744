using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Output;

namespace Proposals.Storage;

/// <summary>
/// Creates or upgrades the ledger schema with the versioned scripts under <c>Migrations/{provider}/</c>
/// (DbUp; the applied ones are listed in the database's <c>schemaversions</c> table).
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The scripts that are not yet applied to the database (all of them when the database does not exist yet).</summary>
    public static IReadOnlyList<string> Pending(LedgerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            return Build(database, null).GetScriptsToExecute().Select(s => s.Name).ToList();
        }
        catch (Exception e) when (ProviderConnections.IsMissingDatabase(e))
        {
            return KnownScripts(database).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>
    /// Whether the ledger has no schema yet: a SQLite file or server database not there, or there
    /// without a single migration applied. Only such a ledger may be created by a command other than
    /// <c>proposals migrate</c>; an older one is upgraded by <c>migrate</c> alone.
    /// </summary>
    public static bool IsMissing(LedgerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.Exists()) return true;
        try
        {
            return Build(database, null).GetExecutedScripts().Count == 0;
        }
        catch (Exception e) when (ProviderConnections.IsMissingDatabase(e))
        {
            return true;
        }
    }

    /// <summary>How many migrations this program knows for the ledger's provider.</summary>
    public static int KnownCount(LedgerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return KnownScripts(database).Count();
    }

    /// <summary>
    /// How many migrations the ledger has applied, read in one cheap query: what a running worker
    /// compares, before each send, with what it started on (DbUp's journal, <c>schemaversions</c>).
    /// </summary>
    public static async Task<int> AppliedCountAsync(LedgerDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = AppliedCountSql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The query of <see cref="AppliedCountAsync"/>; one text for every provider (DbUp's journal table, unquoted).</summary>
    internal const string AppliedCountSql = "SELECT COUNT(*) FROM schemaversions";

    /// <summary>The scripts the database has that this program does not know (a newer program wrote them).</summary>
    public static IReadOnlyList<string> Unknown(LedgerDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var known = KnownScripts(database).ToHashSet(StringComparer.Ordinal);
        try
        {
            return Build(database, null).GetExecutedScripts().Where(s => !known.Contains(s)).ToList();
        }
        catch (Exception e) when (ProviderConnections.IsMissingDatabase(e))
        {
            return [];
        }
    }

    /// <summary>Throws when the database has migrations this program does not know: a newer program wrote it, and there is no going back.</summary>
    /// <exception cref="StorageException">The schema is ahead of the program.</exception>
    public static void RefuseNewer(LedgerDatabase database)
    {
        var unknown = Unknown(database);
        if (unknown.Count > 0)
        {
            throw new StorageException(
                $"数据库 {database.DataSource} 的结构比本程序新, 请升级程序 (the schema has migrations this program does not know: {string.Join(", ", unknown)}; upgrade the program)");
        }
    }

    /// <summary>
    /// Throws unless the schema is exactly the one this program knows, saying what to run:
    /// <c>proposals migrate</c> for an older schema, a newer program for a newer one.
    /// </summary>
    /// <exception cref="StorageException">The schema is behind or ahead of the program.</exception>
    public static void RequireCurrent(LedgerDatabase database)
    {
        RefuseNewer(database);
        var pending = Pending(database);
        if (pending.Count > 0)
        {
            throw new StorageException(
                $"数据库 {database.DataSource} 的结构需要升级, 请运行 `proposals migrate` (the schema lacks {pending.Count} migration(s): {string.Join(", ", pending)}; run `proposals migrate`)");
        }
    }

    /// <summary>Creates the database when a server has none of that name, then applies every pending script; returns the names applied.</summary>
    /// <exception cref="StorageException">A script failed; its transaction was rolled back.</exception>
    public static IReadOnlyList<string> Upgrade(LedgerDatabase database, Action<string>? log = null) => Upgrade(database, log, upTo: null);

    /// <summary>
    /// <see cref="Upgrade(LedgerDatabase, Action{string})"/>, stopping after the script whose name ends with
    /// <paramref name="upTo"/> (all when null): how tests make a ledger as an older program left it.
    /// </summary>
    internal static IReadOnlyList<string> Upgrade(LedgerDatabase database, Action<string>? log, string? upTo)
    {
        ArgumentNullException.ThrowIfNull(database);
        var upgradeLog = log is null ? (IUpgradeLog)new NoUpgradeLog() : new ActionLog(log);
        switch (database.Provider)
        {
            case StorageProvider.Sqlite:
                database.EnsureFolder();
                break;
            case StorageProvider.Postgres:
                EnsureDatabase.For.PostgresqlDatabase(database.ConnectionString, upgradeLog);
                break;
            case StorageProvider.SqlServer:
                EnsureDatabase.For.SqlDatabase(database.ConnectionString, upgradeLog, 30, DbUp.SqlServer.AzureDatabaseEdition.None, null, null, false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, null);
        }
        var last = upTo is null ? null : KnownScripts(database).Single(n => n.EndsWith(upTo, StringComparison.Ordinal));
        var result = Build(database, log, last).PerformUpgrade();
        if (!result.Successful)
        {
            throw new StorageException(
                $"数据库升级失败 (migration {result.ErrorScript?.Name ?? "?"} failed): {result.Error?.Message}", result.Error);
        }
        return result.Scripts.Select(s => s.Name).ToList();
    }

    private static string ScriptPrefix(LedgerDatabase database) => $"Proposals.Storage.Migrations.{database.Dialect.MigrationFolder}.";

    private static IEnumerable<string> KnownScripts(LedgerDatabase database)
    {
        var prefix = ScriptPrefix(database);
        return typeof(SchemaMigrator).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static UpgradeEngine Build(LedgerDatabase database, Action<string>? log, string? last = null)
    {
        database.EnsureFolder();
        var prefix = ScriptPrefix(database);
        bool Wanted(string name) => name.StartsWith(prefix, StringComparison.Ordinal) && (last is null || string.CompareOrdinal(name, last) <= 0);
        UpgradeEngineBuilder builder = database.Provider switch
        {
            StorageProvider.Sqlite => DeployChanges.To.SqliteDatabase(database.ConnectionString),
            StorageProvider.Postgres => DeployChanges.To.PostgresqlDatabase(database.ConnectionString),
            StorageProvider.SqlServer => DeployChanges.To.SqlDatabase(database.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database.Provider, null),
        };
        builder = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), Wanted)
            .WithTransactionPerScript();
        builder = log is null ? builder.LogToNowhere() : builder.LogTo(new ActionLog(log));
        return builder.Build();
    }

    private sealed class NoUpgradeLog : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) { }
        public void LogWarning(string format, params object[] args) { }
        public void LogError(string format, params object[] args) { }
        public void LogError(Exception ex, string format, params object[] args) { }
    }

    private sealed class ActionLog(Action<string> write) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) => write(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogWarning(string format, params object[] args) => write(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(string format, params object[] args) => write(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(Exception ex, string format, params object[] args) => write(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
