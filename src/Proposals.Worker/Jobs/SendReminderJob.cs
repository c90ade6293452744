using Hangfire;
using Proposals.Mail;
using Proposals.Worker.Hosting;
using Proposals.Worker.Sweep;

namespace Proposals.Worker.Jobs;

/// <summary>
/// Sends one reminder. A transient failure (4xx, server unreachable) throws so that Hangfire retries
/// it with backoff while the reminder stays owed; a permanent one (5xx, refused recipient) is
/// recorded with the server's words and fails the job at once, without retries, for the coordinator
/// to see in the dashboard.
/// </summary>
internal sealed class SendReminderJob(
    ReminderSender sender, MailSessionPool sessions, CalendarSource calendars, ReminderOptions options, LedgerOptions ledger,
    IBackgroundJobClient jobs, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 12, DelaysInSeconds = [30, 60, 120, 300, 600, 900, 1800, 1800, 3600, 3600, 3600, 3600], OnlyOn = [typeof(TransientSendException)])]
    [JobDisplayName("发送催办 reminder #{0}")]
    public async Task SendAsync(long reminderId, CancellationToken cancellationToken)
    {
        var now = ledger.LocalNow(clock);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!options.Hours.IsOpen(now, calendar))
        {
            // A retry that falls in the evening or on a day off waits for the next working morning.
            var next = options.Hours.NextOpening(now, calendar);
            jobs.Schedule<SendReminderJob>(job => job.SendAsync(reminderId, CancellationToken.None), new DateTimeOffset(next, ledger.Zone.GetUtcOffset(next)));
            return;
        }
        var report = await sessions.UseAsync(
            session => sender.SendAsync(reminderId, session, ledger.Today(clock), cancellationToken),
            r => r.Result is not (SendResult.StillOwed or SendResult.Failed), cancellationToken).ConfigureAwait(false);
        switch (report.Result)
        {
            case SendResult.StillOwed:
                throw new TransientSendException($"{report.What}: {report.Detail}");
            case SendResult.Failed:
                throw new PermanentSendException($"{report.What}: {report.Detail}");
        }
    }
}

/// <summary>The mail server could not take the message now; it stays owed and is retried.</summary>
internal sealed class TransientSendException(string message) : Exception(message);

/// <summary>The mail server refused the message for good; recorded as failed, not retried.</summary>
internal sealed class PermanentSendException(string message) : Exception(message);
