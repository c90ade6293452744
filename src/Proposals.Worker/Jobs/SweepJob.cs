using System.Globalization;
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

    /// <summary>The recurring round that takes up reminders whose send job was lost or gave up.</summary>
    public const string RequeueId = "reminder-requeue";

    // Longer than the longest pause between two Hangfire retries of a send (an hour): a row idle
    // that long has no job left that will try it.
    private static readonly TimeSpan Idle = TimeSpan.FromHours(2);

    // No DisableConcurrentExecution: sweeps of several workers at once are safe (the record inserts
    // each reminder once and a claim lets one sender send it), while a lock held by a worker killed
    // mid-sweep stays in Hangfire.PostgreSql's lock table for its 10-minute timeout and holds up
    // every other sweep, the catch-up of a restarted worker included, until then.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 300, 900, 1800])]
    [JobDisplayName("催办扫描 reminder sweep")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = ledger.LocalNow(clock);
        var today = DateOnly.FromDateTime(now);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!options.Hours.IsOpen(now, calendar))
        {
            // A worker started at night or on a day off sends nothing now; the morning's sweep will.
            ReminderLog.OutsideHours(logger, now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                options.Hours.NextOpening(now, calendar).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            return;
        }
        var decision = await sweep.DecideAsync(today, calendar, dryRun: false, cancellationToken).ConfigureAwait(false);
        var pending = await reminders.PendingAsync(options.ClaimLapse, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var id in pending) jobs.Enqueue<SendReminderJob>(job => job.SendAsync(id, CancellationToken.None));
        ReminderLog.Swept(logger, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), decision.Candidates, decision.Owed.Count, decision.Superseded, pending.Count);
    }

    /// <summary>
    /// Every 10 minutes in working hours: queues again the reminders that no job will send, those
    /// whose claim lapsed (their sender died) and those left owed after every retry.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("催办补发 re-queue lapsed reminders")]
    public async Task RequeueAsync(CancellationToken cancellationToken)
    {
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!options.Hours.IsOpen(ledger.LocalNow(clock), calendar)) return;
        var pending = await reminders.PendingAsync(options.ClaimLapse, cancellationToken: cancellationToken, idleFor: Idle).ConfigureAwait(false);
        foreach (var id in pending) jobs.Enqueue<SendReminderJob>(job => job.SendAsync(id, CancellationToken.None));
        if (pending.Count > 0) ReminderLog.Requeued(logger, pending.Count);
    }
}
