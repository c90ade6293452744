using Proposals.Domain.Calendar;
using Proposals.Domain.Reminders;
using Proposals.Storage;

namespace Proposals.Worker.Reminders;

/// <summary>
/// A whole sweep in one process, as <c>proposals sweep</c> runs it: decide and record, then drain
/// everything due through one mail session, however many, and count what is still owed afterwards.
/// </summary>
internal sealed class SweepRunner(ReminderSweep sweep, ReminderDrain drain, ReminderStore reminders)
{
    /// <summary>Decides and sends; <paramref name="onSent"/> hears of every reminder's end.</summary>
    public async Task<SweepOutcome> RunAsync(
        DateOnly today, WorkingCalendar calendar, Action<SendReport> onSent, CancellationToken cancellationToken = default)
    {
        var decision = await sweep.DecideAsync(today, calendar, dryRun: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!decision.WorkingDay) return new SweepOutcome(decision, new DrainOutcome(), 0);
        var drained = await drain.DrainAsync(today, calendar, onSent, cancellationToken).ConfigureAwait(false);
        var states = await reminders.CountByStateAsync(cancellationToken).ConfigureAwait(false);
        return new SweepOutcome(decision, drained, states.GetValueOrDefault(ReminderState.Owed));
    }
}

/// <summary>What a sweep decided, what became of the emails, and how many reminders are still owed afterwards.</summary>
internal sealed record SweepOutcome(SweepDecision Decision, DrainOutcome Drain, long StillOwed)
{
    public int Count(SendResult result) => Drain.Count(result);
}
