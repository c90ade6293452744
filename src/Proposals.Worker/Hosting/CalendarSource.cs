using Proposals.Domain.Calendar;
using Proposals.Storage;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The working-day calendar in force: the years shipped inside the program plus the years the user
/// loaded into the database with <c>proposals calendar import</c> (which win for their year).
/// </summary>
internal sealed class CalendarSource(LedgerDatabase database)
{
    // Every send job asks for the calendar; a year loaded by `calendar import` reaches a running
    // worker within this long, without a database read per email.
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    // A reference, swapped whole: send jobs on several threads read it.
    private Kept? _kept;

    /// <summary>Reads the stored years (a database that does not exist yet has none), at most every few minutes.</summary>
    public async Task<WorkingCalendar> LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = Environment.TickCount64;
        if (_kept is { } kept && now - kept.LoadedAt < KeptFor.TotalMilliseconds) return kept.Calendar;
        var stored = database.Exists()
            ? await new CalendarStore(database).AllAsync(cancellationToken).ConfigureAwait(false)
            : [];
        var calendar = new WorkingCalendar(ShippedCalendar.Load().Concat(stored));
        _kept = new Kept(calendar, now);
        return calendar;
    }

    /// <summary>Drops the kept calendar: a year loaded here (the desk's upload) is in force at once.</summary>
    public void Forget() => _kept = null;

    private sealed record Kept(WorkingCalendar Calendar, long LoadedAt);
}
