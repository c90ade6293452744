using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reminders;

/// <summary>
/// The worker's sender: in working hours on working days it drains the reminder record every round
/// (Reminders:DrainEverySeconds) and whenever a sweep or a coordinator raises the signal. When the
/// mail server cannot be used it says so once, waits longer and longer between tries (up to 30
/// minutes), and says so again when mail flows. After a drain it sends 综合处 what is due to it (the
/// morning summary, the weekly 通报).
/// </summary>
internal sealed class ReminderDrainService(
    ReminderDrain drain, CoordinatorMail coordinator, DrainSignal signal, CalendarSource calendars, ReminderOptions options, LedgerOptions ledger,
    DrainHealth health, TimeProvider clock, ILogger<ReminderDrainService> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = options.DrainInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = ledger.LocalNow(clock);
                var calendar = await calendars.LoadAsync(stoppingToken).ConfigureAwait(false);
                if (options.Hours.IsOpen(now, calendar))
                {
                    var today = DateOnly.FromDateTime(now);
                    var outcome = await drain.DrainAsync(today, calendar, cancellationToken: stoppingToken).ConfigureAwait(false);
                    if (outcome.Unavailable is null)
                    {
                        foreach (var line in await coordinator.AfterDrainAsync(today, calendar, outcome.AnythingWent, stoppingToken).ConfigureAwait(false)) ReminderLog.ToCoordinator(logger, line);
                    }
                    pause = Next(outcome, pause);
                }
            }
            catch (SchemaChangedException)
            {
                // Logged by the drain; the watch has asked the host to stop, and nothing more is sent.
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database away, say: the next round tries again; the reminders stay in the record.
                ReminderLog.DrainFailed(logger, e);
                health.Record($"{e.GetType().Name}: {e.Message}", clock.GetUtcNow());
                pause = Longer(pause);
            }
            try
            {
                await signal.WaitAsync(pause, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private TimeSpan Next(DrainOutcome outcome, TimeSpan pause)
    {
        if (outcome.Unavailable is { } reason)
        {
            if (health.Record(reason, clock.GetUtcNow())) ReminderLog.MailDown(logger, reason);
            return Longer(pause);
        }
        if (health.Clear()) ReminderLog.MailBack(logger);
        return options.DrainInterval;
    }

    private TimeSpan Longer(TimeSpan pause) => TimeSpan.FromTicks(Math.Min(Math.Max(pause.Ticks * 2, options.DrainInterval.Ticks), LongestPause.Ticks));
}
