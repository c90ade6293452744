using Proposals.Worker.Reminders;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting;
using Proposals.Worker.Hosting.Auth;
using Proposals.Worker.Jobs;

namespace Proposals.Tests.Auth;

/// <summary>
/// The real worker (WorkerHost.Build): Kestrel on a free 127.0.0.1 port, a temporary SQLite ledger,
/// mail into a folder, a clock the test moves, and users of its own unless told otherwise.
/// </summary>
public sealed class SignInHost : IAsyncDisposable
{
    /// <summary>The coordinator (综合处).</summary>
    public const string Coordinator = "zonghe";

    /// <summary>A viewer.</summary>
    public const string Viewer = "guancha";

    /// <summary>A viewer kept for the per-user limit, so that slowing its failed answers spares the others.</summary>
    public const string Limited = "xianzhi";

    /// <summary>Every user's password here: its name, then "-Pass-2026".</summary>
    public static string PasswordOf(string user) => user + "-Pass-2026";

    /// <summary>A recurring job of the tests' own that never runs by itself, to trigger from the dashboard.</summary>
    public const string TestJob = "auth-test-job";

    /// <summary>The public address configured, so that its host is allowed.</summary>
    public const string PublicUrl = "https://proposals.bureau.example";

    private readonly TempLedger _ledger;
    private readonly bool _ownsLedger;

    private SignInHost(TempLedger ledger, bool ownsLedger, WebApplication app, FakeTimeProvider clock, LogCapture log)
    {
        _ledger = ledger;
        _ownsLedger = ownsLedger;
        App = app;
        Clock = clock;
        Log = log;
        BaseAddress = new Uri(app.Urls.First());
    }

    /// <summary>The running worker.</summary>
    public WebApplication App { get; }

    /// <summary>The worker's clock; moving it moves the sign-in limits' window.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>What the worker logged.</summary>
    public LogCapture Log { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The worker's ledger.</summary>
    internal TempLedger Ledger => _ledger;

    /// <summary>Where the worker's mail goes (the pickup folder).</summary>
    public string Outbox => Path.Combine(_ledger.Folder, "outbox");

    // The users' hashes are of the program's own format (PBKDF2-HMAC-SHA512, format v3), which keeps
    // its iteration count in the hash; at the program's 210,000 every sign-in would cost the tests a
    // few hundred milliseconds of CPU, so these are made with 1,000. The program's count is tested
    // where hashes are made (AuthOptionsFacts, HashPasswordCommandTests).
    private static readonly Dictionary<string, string> Hashes =
        new[] { Coordinator, Viewer, Limited }.ToDictionary(user => user, user => PasswordHashing.Hash(PasswordOf(user), 1_000), StringComparer.Ordinal);

    /// <summary>Settings with the three users and limits small enough to reach.</summary>
    public static Dictionary<string, string?> WithUsers() => new()
    {
        ["Auth:Users:0:Name"] = Coordinator,
        ["Auth:Users:0:PasswordHash"] = Hashes[Coordinator],
        ["Auth:Users:0:Role"] = "coordinator",
        ["Auth:Users:1:Name"] = Viewer,
        ["Auth:Users:1:PasswordHash"] = Hashes[Viewer],
        ["Auth:Users:1:Role"] = "viewer",
        ["Auth:Users:2:Name"] = Limited,
        ["Auth:Users:2:PasswordHash"] = Hashes[Limited],
        ["Auth:Users:2:Role"] = "viewer",
        ["Auth:FailuresPerUser"] = "3",
        ["Auth:FailuresPerUserAddress"] = "3",
        ["Auth:FailuresPerAddress"] = "5",
        ["Auth:MaxFailureDelaySeconds"] = "1",
        ["Auth:FailureWindowMinutes"] = "15",
        ["Dashboard:PublicUrl"] = PublicUrl,
        // The tests stand in for nginx on this machine, naming client addresses in X-Forwarded-For.
        ["Dashboard:KnownProxies"] = "127.0.0.1",
    };

    /// <summary>
    /// Starts a worker with <paramref name="settings"/> on top of the test defaults, on a ledger of its
    /// own or on <paramref name="shared"/>, which the caller keeps and deletes.
    /// </summary>
    internal static async Task<SignInHost> StartAsync(IReadOnlyDictionary<string, string?> settings, TempLedger? shared = null)
    {
        var ledger = shared ?? new TempLedger();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 16, 28, 0, TimeSpan.FromHours(8)));
        var log = new LogCapture();
        var commandLine = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Proposals"] = ledger.Database.ConnectionString,
            ["Storage:Provider"] = "sqlite",
            ["Mail:Transport"] = "pickup",
            ["Mail:PickupDirectory"] = Path.Combine(ledger.Folder, "outbox"),
            ["Reports:Directory"] = Path.Combine(ledger.Folder, "reports"),
            ["Dashboard:Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings) commandLine[key] = value;
        // Hangfire keeps the last host's logger factory in a static; a factory the container made dies
        // with its host and breaks any other host still running. One the test makes is never disposed.
        var loggers = LoggerFactory.Create(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning).AddFilter("Hangfire", LogLevel.Warning));
        var app = WorkerHost.Build(commandLine, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(loggers);
        });
        try
        {
            await app.StartAsync();
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SweepJob>(
                TestJob, job => job.RunAsync(CancellationToken.None), Cron.Never());
        }
        catch
        {
            await app.DisposeAsync();
            if (shared is null) ledger.Dispose();
            throw;
        }
        return new SignInHost(ledger, shared is null, app, clock, log);
    }

    /// <summary>The id of the last job started from <paramref name="recurringId"/>; null while it never ran.</summary>
    public string? LastJobOf(string recurringId)
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([recurringId]).Single().LastJobId;
    }

    /// <summary>The errors the worker logged, for a failing test's message.</summary>
    public string Errors() => string.Join(Environment.NewLine, Log.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Category}: {l.Message}"));

    /// <summary>A client of its own (its own cookies), not following redirects.</summary>
    public SignInClient Client() => new(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsLedger) _ledger.Dispose();
    }
}

/// <summary>One worker with users for a whole test class.</summary>
public sealed class SignInHostFixture : IAsyncLifetime
{
    private SignInHost? _host;

    /// <summary>The worker.</summary>
    public SignInHost Host => _host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _host = await SignInHost.StartAsync(SignInHost.WithUsers());

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
