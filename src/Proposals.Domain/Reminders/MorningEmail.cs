namespace Proposals.Domain.Reminders;

/// <summary>
/// The rules of a division's morning email (Reminders:Grouping division): one email listing every item
/// newly owed that day, the most urgent first, copying the division head only when it holds an overdue
/// item the division leads (or a key item's due date, when key items are supervised from it).
/// </summary>
public static class MorningEmail
{
    /// <summary>
    /// The lines in the order the email lists them: overdue first (longest overdue first), then the
    /// nearest due dates, then what only asks for 签收; within a day, by item.
    /// </summary>
    public static IReadOnlyList<T> Order<T>(IEnumerable<T> lines, Func<T, OwedReminder> reminder)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reminder);
        return lines
            .OrderBy(l => Urgency(reminder(l)))
            .ThenBy(l => reminder(l).DaysLeft)
            .ThenBy(l => reminder(l).Item.Kind)
            .ThenBy(l => reminder(l).Item.Session, StringComparer.Ordinal)
            .ThenBy(l => reminder(l).Item.Number, StringComparer.Ordinal)
            .ThenBy(l => reminder(l).Stage.Stage)
            .ToList();
    }

    // Overdue first, then what falls due, then what only asks for 签收.
    private static int Urgency(OwedReminder line) => line.IsOverdue ? 0 : line.Stage.Stage.Kind == StageKind.Acknowledge ? 2 : 1;

    /// <summary>Who the email copies: the head when any line copies it (a lead division's 督办), nobody else.</summary>
    public static ReminderCopies Copies(IEnumerable<OwedReminder> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Any(l => l.Copies.HasFlag(ReminderCopies.Head)) ? ReminderCopies.Head : ReminderCopies.None;
    }
}
