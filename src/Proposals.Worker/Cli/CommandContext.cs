using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Domain.Calendar;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Cli;

/// <summary>
/// What a command needs from its surroundings: the configuration, the program's parts (put together
/// by <see cref="ProposalsServices"/>, as the worker's are), the clock and the two output streams.
/// Built once per command from the options it was given; disposed when the command ends. Logs go to
/// standard error: standard output carries the command's answer.
/// </summary>
internal sealed class CommandContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private WorkingCalendar? _calendar;
    private readonly HashSet<int> _warnedYears = [];

    private CommandContext(IReadOnlyDictionary<string, string?> commandLine, TextWriter output, TextWriter error, TimeProvider clock)
    {
        CommandLine = commandLine;
        Configuration = AppConfiguration.Build(commandLine);
        Out = output;
        Error = error;
        Clock = clock;
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddProposals(Configuration);
        _services = services.BuildServiceProvider();
    }

    public IConfigurationRoot Configuration { get; }

    /// <summary>The settings given on the command line (and by tests), on top of files and environment.</summary>
    public IReadOnlyDictionary<string, string?> CommandLine { get; }
    public LedgerOptions Ledger => Get<LedgerOptions>();
    public LedgerDatabase Database => Get<LedgerDatabase>();
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public TimeProvider Clock { get; }

    /// <summary>Today in the bureau's time zone.</summary>
    public DateOnly Today => Ledger.Today(Clock);

    /// <summary>One of the program's parts; its settings are checked when it is first asked for.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Builds the context; <paramref name="dbPath"/> is the <c>--db PATH</c> shortcut for a SQLite file.</summary>
    public static CommandContext Create(Console console, string? dbPath, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var commandLine = new Dictionary<string, string?>(console.Settings ?? new Dictionary<string, string?>());
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) commandLine[key] = value;
        if (!string.IsNullOrWhiteSpace(dbPath))
        {
            commandLine["ConnectionStrings:Proposals"] = LedgerDatabase.ForFile(dbPath).ConnectionString;
            commandLine["Storage:Provider"] = "sqlite";
        }
        return new CommandContext(commandLine, console.Out, console.Error, console.Clock);
    }

    /// <summary>
    /// For the commands that may create a ledger (<c>import</c>, <c>calendar import</c>): a missing one is
    /// created, saying so in one line with each migration applied; an existing one must already have the
    /// schema this program knows, since upgrading it is <c>proposals migrate</c>'s alone.
    /// </summary>
    /// <exception cref="UserInputException">The schema is older than the program (exit 2, naming <c>proposals migrate</c>).</exception>
    public async Task EnsureSchemaAsync()
    {
        var database = Database;
        await Task.Run(() =>
        {
            SchemaMigrator.RefuseNewer(database);
            if (SchemaMigrator.IsMissing(database)) Created(SchemaMigrator.Upgrade(database));
            else RequireCurrent(database);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// For <c>proposals run</c>: as <see cref="EnsureSchemaAsync"/>, except that the embedded SQLite
    /// ledger, the worker's own file, is also upgraded on the spot, saying so in one line.
    /// </summary>
    public async Task EnsureSchemaForRunAsync()
    {
        var database = Database;
        if (database.Provider != StorageProvider.Sqlite)
        {
            await EnsureSchemaAsync().ConfigureAwait(false);
            return;
        }
        await Task.Run(() =>
        {
            SchemaMigrator.RefuseNewer(database);
            var missing = SchemaMigrator.IsMissing(database);
            var applied = SchemaMigrator.Upgrade(database);
            if (missing) Created(applied);
            else if (applied.Count > 0)
                Error.WriteLine($"已升级台账数据库 {database.DataSource}: {Names(applied)} (upgraded the ledger's schema: {applied.Count} migration(s) applied)");
        }).ConfigureAwait(false);
    }

    private void Created(IReadOnlyList<string> applied) =>
        Error.WriteLine($"已创建台账数据库 {Database.DataSource}: {Names(applied)} (created the ledger: {applied.Count} migration(s) applied)");

    private static string Names(IReadOnlyList<string> scripts) => string.Join(", ", scripts.Select(s => s[(s.LastIndexOf('.', s.Length - 5) + 1)..]));

    // An older schema is the user's to upgrade, with the one command that does it: exit 2, not a failure.
    private static void RequireCurrent(LedgerDatabase database)
    {
        var pending = SchemaMigrator.Pending(database);
        if (pending.Count == 0) return;
        throw new UserInputException(
            $"台账数据库 {database.DataSource} 的结构较旧, 请先运行 `proposals migrate` (the ledger's schema is older than this program: " +
            $"{pending.Count} migration(s) pending: {Names(pending)}; run `proposals migrate` first, with the worker stopped)");
    }

    /// <summary>
    /// For commands that only read (or change what is there): the ledger must already exist. A
    /// mistyped <c>--db</c> then ends with the path and what is wrong, instead of a new, empty ledger
    /// whose empty answers look like real ones.
    /// </summary>
    /// <exception cref="UserInputException">The SQLite file is missing, a folder, empty or unreadable.</exception>
    /// <exception cref="UserInputException">The schema is older than the program (exit 2, naming <c>proposals migrate</c>).</exception>
    public async Task RequireLedgerAsync()
    {
        var database = Database;
        if (database.Provider == StorageProvider.Sqlite && database.DataSource != ":memory:")
            LedgerFileCheck.Require(database.DataSource);
        await Task.Run(() =>
        {
            SchemaMigrator.RefuseNewer(database);
            RequireCurrent(database);
        }).ConfigureAwait(false);
    }

    /// <summary>The working-day calendar: the shipped years plus those the user loaded into the database.</summary>
    public async Task<WorkingCalendar> CalendarAsync() =>
        _calendar ??= await Get<CalendarSource>().LoadAsync().ConfigureAwait(false);

    /// <summary>Writes the warning for dates in years without a loaded schedule.</summary>
    public void WarnMissingYears(WorkingCalendar calendar, DateOnly from, DateOnly to) =>
        WarnMissingYears(calendar, CalendarWarnings.MissingYears(calendar, from, to));

    /// <summary>
    /// Writes the one-line warning for <paramref name="years"/> without a loaded schedule; a year already warned
    /// about in this command is not named again, so a command says it once however many steps touch the year.
    /// </summary>
    public void WarnMissingYears(WorkingCalendar calendar, IReadOnlyCollection<int> years)
    {
        var fresh = years.Where(y => !calendar.HasSchedule(y) && _warnedYears.Add(y)).ToList();
        if (CalendarWarnings.Text(calendar, fresh) is { } warning) Error.WriteLine(warning);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
