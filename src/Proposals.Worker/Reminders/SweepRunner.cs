using Proposals.Domain.Calendar;
using Proposals.Domain.Reminders;
using Proposals.Storage;

namespace Proposals.Worker.Reminders;

/// <summary>
/// A whole sweep in one process, as <c>proposals sweep</c> runs it: decide and record, then drain
/// everything due through one mail session, however many, send 综合处 what is due to it (the morning
/// summary, the weekly 通报), and count what is still owed afterwards.
/// </summary>
internal sealed class SweepRunner(ReminderSweep sweep, ReminderDrain drain, CoordinatorMail coordinator, ReminderStore reminders)
{
    /// <summary>Decides and sends; <paramref name="onSent"/> hears of every reminder's end.</summary>
    public async Task<SweepOutcome> RunAsync(
        DateOnly today, WorkingCalendar calendar, Action<SendReport> onSent, CancellationToken cancellationToken = default)
    {
        var decision = await sweep.DecideAsync(today, calendar, dryRun: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!decision.WorkingDay) return new SweepOutcome(decision, new DrainOutcome(), 0);
        var drained = await drain.DrainAsync(today, calendar, onSent, cancellationToken).ConfigureAwait(false);
        var toCoordinator = drained.Unavailable is null
            ? await coordinator.AfterDrainAsync(today, calendar, drained.AnythingWent, cancellationToken).ConfigureAwait(false)
            : [];
        var states = await reminders.CountByStateAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await reminders.CountWaitingForMorningAsync(today, cancellationToken).ConfigureAwait(false);
        return new SweepOutcome(decision, drained, states.GetValueOrDefault(ReminderState.Owed) - waiting) { ToCoordinator = toCoordinator, Waiting = waiting };
    }
}

/// <summary>What a sweep decided, what became of the emails, and how many reminders are still owed afterwards (those waiting for the next morning apart).</summary>
internal sealed record SweepOutcome(SweepDecision Decision, DrainOutcome Drain, long StillOwed)
{
    /// <summary>Owed rows that wait for their division's next working morning, its email of the day having gone.</summary>
    public long Waiting { get; init; }

    /// <summary>What went to 综合处 (summary, 通报), a line each.</summary>
    public IReadOnlyList<string> ToCoordinator { get; init; } = [];

    public int Count(SendResult result) => Drain.Count(result);
}
