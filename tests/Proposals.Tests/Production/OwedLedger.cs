using Npgsql;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Tests.Storage;

namespace Proposals.Tests.Production;

/// <summary>
/// A PostgreSQL ledger of its own, migrated and with the seed divisions imported through the command
/// line, holding <c>count</c> suggestions all due on one working day: on that day each owes its lead
/// division exactly one reminder (the due-date stage), so the number of emails owed is the number of items.
/// </summary>
internal sealed class OwedLedger : IAsyncDisposable
{
    private readonly PostgresLedger _server;

    private OwedLedger(PostgresLedger server, LedgerDatabase database, int count)
    {
        _server = server;
        Database = database;
        Count = count;
    }

    public LedgerDatabase Database { get; }

    /// <summary>The items, and so the reminders owed.</summary>
    public int Count { get; }

    /// <summary>The settings that put a command on this ledger.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Proposals"] = Database.ConnectionString,
    };

    public static async Task<OwedLedger> CreateAsync(DateOnly day, int count)
    {
        var server = new PostgresLedger();
        server.RequireAvailable();
        var database = server.NewDatabase();
        var ledger = new OwedLedger(server, database, count);
        var cli = new Infrastructure.Cli(ledger.Settings);
        Check(await cli.RunAsync("migrate"), "migrate");
        Check(await cli.RunAsync("import", "divisions", Path.Combine(RepositoryRoot.Path, "seeds", "divisions.csv")), "import divisions");
        var divisions = (await new DivisionStore(database).AllAsync()).Keys.Order(StringComparer.Ordinal).ToList();
        var assigned = day.AddMonths(-3);
        var items = Enumerable.Range(1, count).Select(i => new Item
        {
            Key = new ItemKey(ItemKind.Npc, "十五届一次", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)),
            Title = $"关于第{i}项民生实事办理的建议",
            Proposer = "王建国",
            LeadDivision = divisions[i % divisions.Count],
            AssignedOn = assigned,
            DueOn = day,
            CoInputDueOn = assigned.AddMonths(1),
        }).ToList();
        // Straight into the store: the command line's import is tested elsewhere, and this is faster.
        await new ItemStore(database).UpsertAsync(items);
        return ledger;
    }

    /// <summary>One number from the ledger database.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var rows = await QueryAsync(sql, r => r.GetInt64(0), parameters);
        return rows.Single();
    }

    /// <summary>Rows from the ledger database, each read by <paramref name="read"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private static void Check(Infrastructure.Cli.Result result, string what)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Error}");
    }

    public async ValueTask DisposeAsync() => await _server.DropAsync();
}
