using Proposals.Domain.Ledger;

namespace Proposals.Domain.Reminders;

/// <summary>One row of the reminder record, as the plan reads it (superseded rows left out).</summary>
/// <param name="Division">The division it was for.</param>
/// <param name="Round">The first reply or the re-handling.</param>
/// <param name="DueOn">The due date it counted against.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Reached">Whether it reached the division or is on its way (owed, sending, sent, uncertain, dismissed), not failed or cancelled.</param>
public readonly record struct RecordedNotice(string Division, HandlingRound Round, DateOnly DueOn, ReminderStage Stage, bool Reached);

/// <summary>
/// What the reminder record holds for one item, the plan's memory: the latest stage recorded for each
/// division and due date (it settles every stage before it), and how many overdue notices each
/// division actually received (the caps count them, and the words number them).
/// </summary>
public sealed class ReminderHistory
{
    private readonly RecordedNotice[] _rows;

    /// <summary>The history of the rows given.</summary>
    public ReminderHistory(IEnumerable<RecordedNotice> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows.ToArray();
    }

    /// <summary>Nothing recorded.</summary>
    public static ReminderHistory None { get; } = new([]);

    /// <summary>The latest stage of a due date's line (before-N, due, overdue-N) recorded for the division; null for none.</summary>
    public ReminderStage? LatestOnTheLine(string division, DateOnly dueOn)
    {
        ReminderStage? latest = null;
        foreach (var row in _rows)
        {
            if (row.Stage.IsOnTheLine && row.DueOn == dueOn && Same(row.Division, division) && (latest is not { } l || row.Stage > l)) latest = row.Stage;
        }
        return latest;
    }

    /// <summary>Whether a row of <paramref name="kind"/> is recorded for the division and due date.</summary>
    public bool Has(string division, StageKind kind, DateOnly dueOn)
    {
        foreach (var row in _rows)
        {
            if (row.Stage.Kind == kind && row.DueOn == dueOn && Same(row.Division, division)) return true;
        }
        return false;
    }

    /// <summary>Overdue notices that reached the division for one round, against <paramref name="dueOn"/> only, or any due date when null.</summary>
    public int OverdueNotices(string division, HandlingRound round, DateOnly? dueOn = null)
    {
        var count = 0;
        foreach (var row in _rows)
        {
            if (row.Reached && row.Stage.IsOverdue && row.Round == round && Same(row.Division, division) && (dueOn is not { } d || row.DueOn == d)) count++;
        }
        return count;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
