using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;

namespace Proposals.Worker.Sweep;

/// <summary>
/// The sweep's first half: decides what each division is owed today and records it. Set-based and
/// streaming: one query streams the candidate items, their recorded reminders are read a chunk at a
/// time, and what was decided is written a chunk at a time; the ledger is never held in memory and
/// no query is made per item.
/// </summary>
internal sealed class ReminderSweep(
    ItemStore items, ReminderStore reminders, DivisionStore divisions, ReminderPolicy policy, string? coordinator)
{
    private const int Chunk = 1000;

    /// <summary>Decides, and unless <paramref name="dryRun"/> records, what is owed on <paramref name="today"/>.</summary>
    public async Task<SweepDecision> DecideAsync(DateOnly today, WorkingCalendar calendar, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsWorkingDay(today)) return SweepDecision.DayOff(today);
        var addresses = await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
        var dueBy = today.AddDays(ReminderPlan.CandidateHorizon(policy, calendar));
        var lines = new List<SweepPlanLine>();
        var candidates = 0;
        var recorded = 0;
        var superseded = 0;
        var chunk = new List<StoredItem>(Chunk);
        await foreach (var stored in items.SweepCandidatesAsync(today, dueBy, cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(stored);
            if (chunk.Count == Chunk) await DecideChunkAsync().ConfigureAwait(false);
        }
        await DecideChunkAsync().ConfigureAwait(false);
        return new SweepDecision(today, true, candidates, lines, superseded, recorded);

        async Task DecideChunkAsync()
        {
            if (chunk.Count == 0) return;
            candidates += chunk.Count;
            var known = await reminders.RecordedForAsync(chunk.Select(s => s.Id).ToList(), cancellationToken).ConfigureAwait(false);
            var decided = new List<DecidedReminder>();
            foreach (var stored in chunk)
            {
                var rows = known[stored.Id];
                foreach (var owed in ReminderPlan.OwedFor(stored.Item, today, calendar, policy, (division, dueOn) => Recorded(rows, division, dueOn)))
                {
                    lines.Add(new SweepPlanLine(stored.Id, owed, Recipients.For(OwedReminderFacts.Of(owed), addresses, coordinator)));
                    var role = owed.Role.Code();
                    decided.Add(new DecidedReminder(stored.Id, owed.Division, role, owed.Stage.Code, owed.DueOn, owed.Stage.PlannedOn, ReminderState.Owed));
                    superseded += owed.Superseded.Count;
                    decided.AddRange(SupersededRows(stored, owed, role, today, calendar));
                }
            }
            if (!dryRun) recorded += await reminders.RecordAsync(decided, cancellationToken).ConfigureAwait(false);
            chunk.Clear();
        }
    }

    private static HashSet<string>? Recorded(IEnumerable<RecordedStage> rows, string division, DateOnly dueOn)
    {
        var due = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        HashSet<string>? codes = null;
        foreach (var row in rows)
        {
            if (row.Division == division && row.DueOn == due) (codes ??= new HashSet<string>(StringComparer.Ordinal)).Add(row.Stage);
        }
        return codes;
    }

    private IEnumerable<DecidedReminder> SupersededRows(StoredItem stored, OwedReminder owed, string role, DateOnly today, WorkingCalendar calendar)
    {
        if (owed.Superseded.Count == 0) yield break;
        var codes = owed.Superseded.ToHashSet(StringComparer.Ordinal);
        foreach (var stage in ReminderPlan.Stages(owed.DueOn, stored.Item.AssignedOn, today, calendar, policy))
        {
            if (codes.Contains(stage.Code))
            {
                yield return new DecidedReminder(stored.Id, owed.Division, role, stage.Code, owed.DueOn, stage.PlannedOn, ReminderState.Superseded);
            }
        }
    }
}

/// <summary>What one sweep decided.</summary>
/// <param name="Day">The sweep's day.</param>
/// <param name="WorkingDay">False on a day off: nothing was decided.</param>
/// <param name="Candidates">Items looked at.</param>
/// <param name="Owed">The reminders owed today, one per (item, division).</param>
/// <param name="Superseded">Older stages given up for newer ones.</param>
/// <param name="Recorded">New rows written to the reminder record (0 on a dry run, or when another sweep recorded them first).</param>
internal sealed record SweepDecision(DateOnly Day, bool WorkingDay, int Candidates, IReadOnlyList<SweepPlanLine> Owed, int Superseded, int Recorded)
{
    public static SweepDecision DayOff(DateOnly day) => new(day, false, 0, [], 0, 0);
}
