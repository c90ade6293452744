using System.Reflection;
using DbUp;
using DbUp.Engine.Output;

namespace Proposals.Storage;

/// <summary>Creates or upgrades the ledger schema with the versioned scripts under Migrations/ (DbUp).</summary>
public static class SchemaMigrator
{
    private const string ScriptPrefix = "Proposals.Storage.Migrations.sqlite.";

    /// <summary>The scripts that are not yet applied to the database.</summary>
    public static IReadOnlyList<string> Pending(LedgerDatabase database) =>
        Build(database, null).GetScriptsToExecute().Select(s => s.Name).ToList();

    /// <summary>The scripts the database has that this program does not know (a newer program wrote them).</summary>
    public static IReadOnlyList<string> Unknown(LedgerDatabase database)
    {
        var known = KnownScripts().ToHashSet(StringComparer.Ordinal);
        return Build(database, null).GetExecutedScripts().Where(s => !known.Contains(s)).ToList();
    }

    /// <summary>Applies every pending script in one go; returns the names applied.</summary>
    public static IReadOnlyList<string> Upgrade(LedgerDatabase database, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var result = Build(database, log).PerformUpgrade();
        if (!result.Successful)
        {
            throw new StorageException(
                $"数据库升级失败 (migration {result.ErrorScript?.Name ?? "?"} failed): {result.Error?.Message}", result.Error);
        }
        return result.Scripts.Select(s => s.Name).ToList();
    }

    private static IEnumerable<string> KnownScripts() =>
        typeof(SchemaMigrator).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ScriptPrefix, StringComparison.Ordinal));

    private static DbUp.Engine.UpgradeEngine Build(LedgerDatabase database, Action<string>? log)
    {
        database.EnsureFolder();
        var builder = DeployChanges.To
            .SqliteDatabase(database.ConnectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .WithTransactionPerScript();
        builder = log is null ? builder.LogToNowhere() : builder.LogTo(new ActionLog(log));
        return builder.Build();
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
