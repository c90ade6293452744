using Hangfire;
using Microsoft.Extensions.Logging;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Sweep;

namespace Proposals.Worker.Jobs;

/// <summary>
/// The recurring reminder sweep: every morning it decides what is owed and hands each email to its
/// own <see cref="SendReminderJob"/>, so every send, retry and failure shows in the dashboard.
/// It does nothing on days off.
/// </summary>
internal sealed class SweepJob(
    ReminderSweep sweep, ReminderStore reminders, CalendarSource calendars, ReminderOptions options,
    LedgerOptions ledger, IBackgroundJobClient jobs, TimeProvider clock, ILogger<SweepJob> logger)
{
    public const string RecurringId = "reminder-sweep";

    // No DisableConcurrentExecution: sweeps of several workers at once are safe (the record inserts
    // each reminder once and a claim lets one sender send it), while a lock held by a worker killed
    // mid-sweep stays in Hangfire.PostgreSql's lock table for its 10-minute timeout and holds up
    // every other sweep, the catch-up of a restarted worker included, until then.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 300, 900, 1800])]
    [JobDisplayName("催办扫描 reminder sweep")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = ledger.Today(clock);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!calendar.IsWorkingDay(today))
        {
            logger.LogInformation("{Today} is not a working day: no reminders.", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        var decision = await sweep.DecideAsync(today, calendar, dryRun: false, cancellationToken).ConfigureAwait(false);
        var pending = await reminders.PendingAsync(options.ClaimLapse, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var id in pending) jobs.Enqueue<SendReminderJob>(job => job.SendAsync(id, CancellationToken.None));
        logger.LogInformation(
            "Sweep {Today}: {Candidates} items looked at, {Owed} reminders owed, {Superseded} older stages superseded, {Pending} emails queued.",
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), decision.Candidates, decision.Owed.Count, decision.Superseded, pending.Count);
    }
}
