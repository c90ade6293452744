using Proposals.Domain.Calendar;
using Proposals.Mail;
using Proposals.Storage;

namespace Proposals.Worker.Sweep;

/// <summary>
/// A whole sweep in one process, as <c>proposals sweep</c> runs it: decide and record, then send
/// everything owed through one mail session, retrying transient failures a few times before
/// leaving them owed for the next sweep.
/// </summary>
internal sealed class SweepRunner(ReminderSweep sweep, ReminderStore reminders, ReminderSender sender, IMailTransport transport, ReminderOptions options)
{
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>Decides and sends; <paramref name="onSent"/> hears of every send attempt's end.</summary>
    public async Task<SweepOutcome> RunAsync(
        DateOnly today, WorkingCalendar calendar, Action<SendReport> onSent, CancellationToken cancellationToken = default)
    {
        var decision = await sweep.DecideAsync(today, calendar, dryRun: false, cancellationToken).ConfigureAwait(false);
        var reports = new Dictionary<long, SendReport>();
        if (!decision.WorkingDay) return new SweepOutcome(decision, reports.Values.ToList());
        for (var pass = 0; pass <= RetryPauses.Length; pass++)
        {
            var pending = await reminders.PendingAsync(options.ClaimLapse, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0) break;
            if (pass > 0) await Task.Delay(RetryPauses[pass - 1], cancellationToken).ConfigureAwait(false);
            await using (var session = await transport.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var id in pending)
                {
                    var report = await sender.SendAsync(id, session, today, cancellationToken).ConfigureAwait(false);
                    if (report.Result == SendResult.NotMine) continue;
                    reports[id] = report;
                    if (report.Result != SendResult.StillOwed || pass == RetryPauses.Length) onSent(report);
                }
            }
            if (reports.Values.All(r => r.Result != SendResult.StillOwed)) break;
        }
        return new SweepOutcome(decision, reports.Values.ToList());
    }
}

/// <summary>What a sweep decided and what became of each email.</summary>
internal sealed record SweepOutcome(SweepDecision Decision, IReadOnlyList<SendReport> Sends)
{
    public int Count(SendResult result) => Sends.Count(s => s.Result == result);
}
