using Dapper;
using Proposals.Domain.Calendar;

namespace Proposals.Storage;

/// <summary>
/// Holiday schedules the user loaded (a year the program does not ship, or a corrected one), kept
/// in the database so that every worker on it counts the same working days.
/// </summary>
public sealed class CalendarStore(LedgerDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The stored schedules, in year order.</summary>
    public async Task<IReadOnlyList<YearSchedule>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (!database.Exists()) return [];
        await using var connection = await OpenUnlessMissingAsync(cancellationToken).ConfigureAwait(false);
        if (connection is null) return [];
        if (!await HasTableAsync(connection, cancellationToken).ConfigureAwait(false)) return [];
        var rows = await connection.QueryAsync<(long Year, string Schedule)>(new CommandDefinition(
            "SELECT year, schedule FROM calendar_years ORDER BY year", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.SelectMany(r => CalendarFile.Parse(r.Schedule, $"calendar_years {r.Year}")).ToList();
    }

    /// <summary>Stores the schedules, replacing stored ones for the same years, in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<YearSchedule> schedules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var now = _clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var schedule in schedules)
        {
            var parameters = new { schedule.Year, schedule.Source, Schedule = CalendarFile.Write([schedule]), LoadedAt = now };
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM calendar_years WHERE year = @Year", parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO calendar_years (year, source, schedule, loaded_at) VALUES (@Year, @Source, @Schedule, @LoadedAt)",
                parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // A command such as `deadline` may run before the ledger was ever migrated, or its database created.
    private async Task<System.Data.Common.DbConnection?> OpenUnlessMissingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ProviderConnections.IsMissingDatabase(e))
        {
            return null;
        }
    }


    private async Task<bool> HasTableAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            database.Dialect.CountTables, new { Name = "calendar_years" },
            cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
}
