using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reminders;

/// <summary>
/// The recurring reminder sweep: every working morning it decides what is owed and records it; the
/// worker's drain sends it at once. It does nothing outside working hours on working days.
/// </summary>
internal sealed class SweepJob(
    ReminderSweep sweep, DrainSignal signal, CalendarSource calendars, ReminderOptions options,
    LedgerOptions ledger, TimeProvider clock, ILogger<SweepJob> logger)
{
    public const string RecurringId = "reminder-sweep";

    // No DisableConcurrentExecution: sweeps of several workers at once are safe (the record inserts
    // each reminder once and a lease lets one sender send it), while a lock held by a worker killed
    // mid-sweep stays in Hangfire.PostgreSql's lock table for its 10-minute timeout and holds up
    // every other sweep, the catch-up of a restarted worker included, until then.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 300, 900, 1800])]
    [JobDisplayName("催办扫描")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = ledger.LocalNow(clock);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!options.Hours.IsOpen(now, calendar))
        {
            // A worker started at night or on a day off sends nothing now; the morning's sweep will.
            ReminderLog.OutsideHours(logger, now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                options.Hours.NextOpening(now, calendar).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            return;
        }
        var today = DateOnly.FromDateTime(now);
        var decision = await sweep.DecideAsync(today, calendar, dryRun: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        signal.Raise();
        ReminderLog.Swept(logger, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), decision.Candidates, decision.Owed, decision.Recorded, decision.Skipped);
    }
}
