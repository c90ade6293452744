using Proposals.Domain.Calendar;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Storage;

namespace Proposals.Worker.Reminders;

/// <summary>
/// The sweep's first half: decides what each division is owed today and records it, owed from now.
/// Set-based and streaming: one query streams the candidate items, their recorded stages are read a
/// chunk at a time, and what was decided is written a chunk at a time; the ledger is never held in
/// memory, no query is made per item, and only what is owed is written: older stages never sent are
/// settled by the newer one, not recorded one by one.
/// </summary>
internal sealed class ReminderSweep(
    ItemStore items, ReminderStore reminders, DivisionStore divisions, ReminderPolicy policy, ReminderOptions options, MailOptions mail)
{
    private const int Chunk = 1000;

    /// <summary>
    /// Decides, and unless <paramref name="dryRun"/> records, what is owed on <paramref name="today"/>;
    /// <paramref name="onOwed"/> hears of each reminder as it is decided.
    /// </summary>
    public async Task<SweepDecision> DecideAsync(
        DateOnly today, WorkingCalendar calendar, bool dryRun, Action<SweepPlanLine>? onOwed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsWorkingDay(today)) return SweepDecision.DayOff(today);
        var addresses = await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
        var grouping = options.Mode;
        var dueBy = today.AddDays(ReminderPlan.CandidateHorizon(policy, calendar));
        var candidates = 0;
        var owedCount = 0;
        var recorded = 0;
        var skipped = 0;
        var chunk = new List<StoredItem>(Chunk);
        await foreach (var stored in items.SweepCandidatesAsync(today, dueBy, cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(stored);
            if (chunk.Count == Chunk) await DecideChunkAsync().ConfigureAwait(false);
        }
        await DecideChunkAsync().ConfigureAwait(false);
        // The day's morning emails wait for this: each then holds everything the day has for its division.
        if (!dryRun) await reminders.MarkSweptAsync(today, cancellationToken).ConfigureAwait(false);
        return new SweepDecision(today, true, candidates, owedCount, skipped, recorded);

        async Task DecideChunkAsync()
        {
            if (chunk.Count == 0) return;
            candidates += chunk.Count;
            var known = await reminders.RecordedForAsync(chunk.Select(s => s.Id).ToList(), cancellationToken).ConfigureAwait(false);
            var decided = new List<DecidedReminder>();
            foreach (var stored in chunk)
            {
                var history = new ReminderHistory(known[stored.Id].Select(r => r.Notice));
                foreach (var owed in ReminderPlan.OwedFor(stored.Item, today, calendar, policy, history))
                {
                    owedCount++;
                    skipped += owed.Skipped;
                    onOwed?.Invoke(new SweepPlanLine(stored.Id, owed,
                        Recipients.For(grouping, owed.Division, owed.Copies, addresses, mail)));
                    decided.Add(DecidedReminder.Of(stored.Id, owed));
                }
            }
            if (!dryRun) recorded += await reminders.RecordAsync(decided, cancellationToken).ConfigureAwait(false);
            chunk.Clear();
        }
    }
}

/// <summary>What one sweep decided.</summary>
/// <param name="Day">The sweep's day.</param>
/// <param name="WorkingDay">False on a day off: nothing was decided.</param>
/// <param name="Candidates">Items looked at.</param>
/// <param name="Owed">The reminders owed today, one per (item, division, due date).</param>
/// <param name="Skipped">Older stages never sent that the owed ones stand for (a holiday, a late import, a stopped worker).</param>
/// <param name="Recorded">New rows written to the reminder record (0 on a dry run, or when another sweep recorded them first).</param>
internal sealed record SweepDecision(DateOnly Day, bool WorkingDay, int Candidates, int Owed, int Skipped, int Recorded)
{
    public static SweepDecision DayOff(DateOnly day) => new(day, false, 0, 0, 0, 0);
}
