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
    /// Makes sure the schema is the one this program knows. The embedded SQLite ledger is created or
    /// upgraded on the spot; a server's schema is changed only by <c>proposals migrate</c>, so a
    /// command finding it behind says so instead.
    /// </summary>
    public async Task EnsureSchemaAsync()
    {
        var database = Database;
        if (database.Provider != StorageProvider.Sqlite)
        {
            await Task.Run(() => SchemaMigrator.RequireCurrent(database)).ConfigureAwait(false);
            return;
        }
        await Task.Run(() =>
        {
            SchemaMigrator.RefuseNewer(database);
            SchemaMigrator.Upgrade(database);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// For commands that only read (or change what is there): the ledger must already exist. A
    /// mistyped <c>--db</c> then ends with the path and what is wrong, instead of a new, empty ledger
    /// whose empty answers look like real ones.
    /// </summary>
    /// <exception cref="UserInputException">The SQLite file is missing, a folder, empty or unreadable.</exception>
    public async Task RequireLedgerAsync()
    {
        var database = Database;
        if (database.Provider == StorageProvider.Sqlite && database.DataSource != ":memory:")
            LedgerFileCheck.Require(database.DataSource);
        await EnsureSchemaAsync().ConfigureAwait(false);
    }

    /// <summary>The working-day calendar: the shipped years plus those the user loaded into the database.</summary>
    public async Task<WorkingCalendar> CalendarAsync() =>
        _calendar ??= await Get<CalendarSource>().LoadAsync().ConfigureAwait(false);

    /// <summary>Writes the loud warning for dates in years without a loaded schedule.</summary>
    public void WarnMissingYears(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        var warning = CalendarWarnings.For(calendar, from, to);
        if (warning is not null) Error.WriteLine(warning);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
