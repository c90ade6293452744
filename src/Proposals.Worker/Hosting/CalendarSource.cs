using Proposals.Domain.Calendar;
using Proposals.Storage;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The working-day calendar in force: the years shipped inside the program plus the years the user
/// loaded into the database with <c>proposals calendar import</c> (which win for their year).
/// </summary>
internal sealed class CalendarSource(LedgerDatabase database)
{
    /// <summary>Reads the stored years; a database file that does not exist yet has none.</summary>
    public async Task<WorkingCalendar> LoadAsync(CancellationToken cancellationToken = default)
    {
        var stored = database.Exists()
            ? await new CalendarStore(database).AllAsync(cancellationToken).ConfigureAwait(false)
            : [];
        return new WorkingCalendar(ShippedCalendar.Load().Concat(stored));
    }
}
