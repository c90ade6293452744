using Microsoft.Extensions.Configuration;
using Proposals.Domain.Calendar;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Cli;

/// <summary>
/// What a command needs from its surroundings: the configuration, the ledger database, the clock,
/// the calendar and the two output streams. Built once per command from the options it was given.
/// </summary>
internal sealed class CommandContext
{
    private WorkingCalendar? _calendar;

    private CommandContext(IReadOnlyDictionary<string, string?> commandLine, TextWriter output, TextWriter error, TimeProvider clock)
    {
        CommandLine = commandLine;
        var configuration = AppConfiguration.Build(commandLine);
        Configuration = configuration;
        Out = output;
        Error = error;
        Clock = clock;
        Ledger = configuration.GetSection("Ledger").Get<LedgerOptions>() ?? new LedgerOptions();
        var problems = Ledger.Validate().ToList();
        if (problems.Count > 0) throw new SettingsException(problems);
        Database = LedgerDatabase.Create(configuration["Storage:Provider"], configuration.GetConnectionString("Proposals"));
    }

    public IConfigurationRoot Configuration { get; }

    /// <summary>The settings given on the command line (and by tests), on top of files and environment.</summary>
    public IReadOnlyDictionary<string, string?> CommandLine { get; }
    public LedgerOptions Ledger { get; }
    public LedgerDatabase Database { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public TimeProvider Clock { get; }

    /// <summary>Today in the bureau's time zone.</summary>
    public DateOnly Today => Ledger.Today(Clock);

    /// <summary>Builds the context; <paramref name="dbPath"/> is the <c>--db PATH</c> shortcut for a SQLite file.</summary>
    public static CommandContext Create(Console console, string? dbPath, IReadOnlyDictionary<string, string?>? overrides = null)
    {
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
        if (Database.Provider != StorageProvider.Sqlite)
        {
            await Task.Run(() => SchemaMigrator.RequireCurrent(Database)).ConfigureAwait(false);
            return;
        }
        await Task.Run(() =>
        {
            SchemaMigrator.RefuseNewer(Database);
            SchemaMigrator.Upgrade(Database);
        }).ConfigureAwait(false);
    }

    /// <summary>The working-day calendar: the shipped years plus those the user loaded into the database.</summary>
    public async Task<WorkingCalendar> CalendarAsync()
    {
        return _calendar ??= await new CalendarSource(Database).LoadAsync().ConfigureAwait(false);
    }

    /// <summary>Writes the loud warning for dates in years without a loaded schedule.</summary>
    public void WarnMissingYears(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        var warning = CalendarWarnings.For(calendar, from, to);
        if (warning is not null) Error.WriteLine(warning);
    }
}
