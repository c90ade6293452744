using System.Globalization;
using Npgsql;
using Proposals.Benchmarks.Bare;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// Where a run works: a temporary folder with a numbered working directory per operation, the
/// generated files, and two ledger databases, the large ledger and the SMTP comparison's. SQLite:
/// two files in the folder. PostgreSQL: two databases of the benchmark's own on the server that
/// <c>PROPOSALS_TEST_POSTGRES</c> names (ops/postgres.sh's throwaway cluster), dropped afterwards.
/// </summary>
internal sealed class Workspace : IAsyncDisposable
{
    public const string PostgresVariable = "PROPOSALS_TEST_POSTGRES";

    // Fixed names, never values from outside: CREATE DATABASE takes no parameters.
    private const string LedgerDatabase = "proposals_bench_ledger";
    private const string SmtpDatabase = "proposals_bench_smtp";

    private readonly bool _keep;
    private readonly string? _postgresAdmin;
    private int _folders;

    private Workspace(string root, RawDatabase ledger, RawDatabase smtpLedger, bool keep, string? postgresAdmin)
    {
        Root = root;
        Ledger = ledger;
        SmtpLedger = smtpLedger;
        _keep = keep;
        _postgresAdmin = postgresAdmin;
    }

    public string Root { get; }

    /// <summary>The large ledger's database.</summary>
    public RawDatabase Ledger { get; }

    /// <summary>The SMTP comparison's ledger, where exactly the messages to send are owed.</summary>
    public RawDatabase SmtpLedger { get; }

    public static async Task<Workspace> CreateAsync(BenchOptions options)
    {
        var root = Path.Combine(Path.GetTempPath(), $"proposals-bench-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        if (options.Provider != "postgres")
        {
            Directory.CreateDirectory(root);
            return new Workspace(root, Sqlite(Path.Combine(root, "ledger.db")), Sqlite(Path.Combine(root, "smtp-ledger.db")), options.Keep, null);
        }
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException($"--provider postgres needs {PostgresVariable} (ops/bench.sh starts a throwaway PostgreSQL and sets it)");
        }
        await RecreateAsync(admin, LedgerDatabase).ConfigureAwait(false);
        await RecreateAsync(admin, SmtpDatabase).ConfigureAwait(false);
        Directory.CreateDirectory(root);
        return new Workspace(root, Postgres(admin, LedgerDatabase), Postgres(admin, SmtpDatabase), options.Keep, admin);
    }

    /// <summary>A new working directory, numbered in the order of the operations.</summary>
    public string Folder(string slug)
    {
        var folder = Path.Combine(Root, $"{(++_folders).ToString("D2", CultureInfo.InvariantCulture)}-{slug}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep) return;
        if (_postgresAdmin is not null)
        {
            await DropAsync(_postgresAdmin, LedgerDatabase).ConfigureAwait(false);
            await DropAsync(_postgresAdmin, SmtpDatabase).ConfigureAwait(false);
        }
        Directory.Delete(Root, recursive: true);
    }

    private static RawDatabase Sqlite(string path) => new("sqlite", $"Data Source={path}");

    private static RawDatabase Postgres(string admin, string database) =>
        new("postgres", new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString());

    private static async Task RecreateAsync(string admin, string database)
    {
        await DropAsync(admin, database).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        await RawDatabase.ExecuteAsync(connection, $"CREATE DATABASE \"{database}\"").ConfigureAwait(false);
    }

    private static async Task DropAsync(string admin, string database)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        // FORCE: a worker killed by the harness may leave a connection behind for a moment.
        await RawDatabase.ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)").ConfigureAwait(false);
    }
}
