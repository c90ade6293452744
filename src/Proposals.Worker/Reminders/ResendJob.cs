using Hangfire;
using Proposals.Worker.Hosting;

using Proposals.Worker.Jobs;

namespace Proposals.Worker.Reminders;

/// <summary>
/// A coordinator's resend of a failed reminder, as a job named by item and division in the dashboard
/// (催办 人大代表建议 十五届一次 第0012号 → 金融服务处). The job sends that one reminder now; it
/// fails, with the server's words, when the server refuses it again.
/// </summary>
internal sealed class ResendJob(ReminderDrain drain, CalendarSource calendars, LedgerOptions ledger, TimeProvider clock)
{
    // No Hangfire retries: a refused resend is recorded on the reminder, and the coordinator decides again.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("催办 {1}")]
    public async Task SendAsync(long reminderId, string what, CancellationToken cancellationToken)
    {
        var today = ledger.Today(clock);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        var report = await drain.SendNowAsync(reminderId, today, calendar, cancellationToken).ConfigureAwait(false);
        switch (report.Result)
        {
            case SendResult.Sent or SendResult.Cancelled or SendResult.Superseded:
                return;
            case SendResult.StillOwed or SendResult.Unavailable or SendResult.NotYet:
                throw new TransientSendException($"{what}: {report.Detail}");
            case SendResult.Failed or SendResult.Uncertain:
                throw new PermanentSendException($"{what}: {report.Detail}");
            default:
                throw new InvalidOperationException($"unknown send result {report.Result}");
        }
    }
}
