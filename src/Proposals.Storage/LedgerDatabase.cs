using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace Proposals.Storage;

/// <summary>
/// Where the ledger lives (a SQLite file, a PostgreSQL or a SQL Server database) and how to open a
/// connection to it. SQLite runs in WAL mode with a busy timeout, and every write transaction
/// begins IMMEDIATE (Microsoft.Data.Sqlite's default), so writers take turns instead of failing.
/// </summary>
public sealed class LedgerDatabase
{
    /// <summary>The embedded default: a SQLite file under the working directory.</summary>
    public const string DefaultConnectionString = ProviderConnections.SqliteDefault;

    /// <summary>A SQLite ledger from a connection string (empty: <see cref="DefaultConnectionString"/>).</summary>
    public LedgerDatabase(string? connectionString) : this(StorageProvider.Sqlite, connectionString)
    {
    }

    /// <summary>A ledger on <paramref name="provider"/>; the connection string is checked against it.</summary>
    /// <exception cref="StorageException">The connection string is missing or not the provider's.</exception>
    public LedgerDatabase(StorageProvider provider, string? connectionString)
    {
        StorageTypes.Register();
        Provider = provider;
        Dialect = SqlDialect.For(provider);
        ConnectionString = ProviderConnections.Normalise(provider, connectionString);
        DataSource = ProviderConnections.Describe(provider, ConnectionString);
    }

    /// <summary>The product the ledger lives in.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The connection string in force.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the ledger is, for messages: the SQLite file path, or <c>server/database</c> (no password).</summary>
    public string DataSource { get; }

    internal SqlDialect Dialect { get; }

    /// <summary>
    /// Where connections come from instead of the provider's client, when set: how a test collects the
    /// SQL Server text every store sends on a machine that has no SQL Server to send it to.
    /// </summary>
    internal Func<DbConnection>? Connections { get; init; }

    /// <summary>
    /// The ledger from the settings <c>Storage:Provider</c> (empty: sqlite) and
    /// <c>ConnectionStrings:Proposals</c> (empty: <see cref="DefaultConnectionString"/> for sqlite).
    /// </summary>
    /// <exception cref="StorageException">Unknown provider, or a connection string that is missing or not the provider's.</exception>
    public static LedgerDatabase Create(string? provider, string? connectionString) =>
        new(StorageProviders.Parse(provider), connectionString);

    /// <summary>A handle on the SQLite file at <paramref name="path"/> (the <c>--db PATH</c> shortcut).</summary>
    public static LedgerDatabase ForFile(string path) =>
        new(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path }.ToString());

    /// <summary>
    /// Whether there is a ledger to read without creating one: the SQLite file exists. A server
    /// database counts as there; a missing table or database is reported when it is read.
    /// </summary>
    public bool Exists() => Provider != StorageProvider.Sqlite || DataSource is ":memory:" || File.Exists(DataSource);

    /// <summary>Opens a connection, creating the SQLite file's folder when it is missing.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        EnsureFolder();
        var connection = Connections?.Invoke() ?? ProviderConnections.Create(Provider, ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (Provider == StorageProvider.Sqlite) await PrepareSqliteAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits until the database answers, writing one line per failed try (no stack trace), with
    /// growing pauses up to 30 s; a missing database counts as answering (<c>proposals migrate</c> creates it).
    /// </summary>
    /// <exception cref="StorageException">Still unreachable after <paramref name="patience"/>, or refused for another reason (e.g. a wrong password).</exception>
    public async Task WaitUntilReachableAsync(Action<string> log, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                if (attempt > 1) log($"数据库已连接 (database reachable): {Provider.Name()} {DataSource}");
                return;
            }
            catch (Exception e) when (ProviderConnections.IsMissingDatabase(e))
            {
                return;
            }
            catch (Exception e) when (ProviderConnections.IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
            {
                if (clock.Elapsed + pause > patience)
                {
                    throw new StorageException(
                        $"数据库无法连接 (database unreachable): {Provider.Name()} {DataSource}, {attempt} 次尝试 (attempts) in {clock.Elapsed.TotalSeconds:0} s: {e.Message}", e);
                }
                log(string.Create(CultureInfo.InvariantCulture,
                    $"数据库无法连接, {pause.TotalSeconds:0} 秒后重试 (database unreachable, retry {attempt} in {pause.TotalSeconds:0} s): {Provider.Name()} {DataSource}: {e.Message}"));
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 30));
            }
            catch (DbException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StorageException($"数据库拒绝连接 (database refused the connection): {Provider.Name()} {DataSource}: {e.Message}", e);
            }
        }
    }

    /// <summary>Creates the folder the SQLite file lives in, so that a first run on a fresh machine needs no set-up.</summary>
    public void EnsureFolder()
    {
        if (Provider != StorageProvider.Sqlite || DataSource is ":memory:" or "") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    private async Task PrepareSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var timeout = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DefaultTimeout;
        await using var pragma = connection.CreateCommand();
        // WAL lets readers (the dashboard, reports) go on while the sweep writes; the busy timeout
        // makes a writer wait for the one before it.
        pragma.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {timeout * 1000}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
