namespace Proposals.Mail;

/// <summary>
/// A division's morning email (Reminders:Grouping division): every item newly owed by the division on
/// <paramref name="Today"/>, one line each, the most urgent first, as a sender hands it to
/// <see cref="DivisionEmailComposer"/>.
/// </summary>
/// <param name="Division">The division.</param>
/// <param name="Today">The working day of the email.</param>
/// <param name="To">The division's address.</param>
/// <param name="Cc">Copied addresses: the head, when a line is a 督办 of an item the division leads.</param>
/// <param name="Lines">The lines listed, in order, each as one reminder with its own answer links.</param>
/// <param name="Contact">Whom the division contacts with questions.</param>
public sealed record DivisionEmail(string Division, DateOnly Today, string To, IReadOnlyList<string> Cc, IReadOnlyList<ReminderMessage> Lines, ReminderContact Contact)
{
    /// <summary>Lines owed but not listed (past Reminders:MaxItemsPerEmail): the email ends with 另有N件，请见看板.</summary>
    public int More { get; init; }

    /// <summary>How many of the unlisted lines are overdue, for the subject's count.</summary>
    public int MoreOverdue { get; init; }

    /// <summary>The division's 办理进度 on the dashboard, when a public address is set.</summary>
    public Uri? ProgressUrl { get; init; }

    /// <summary>Sent alone at the coordinator's asking ("send now"), not as the division's morning email: it gets a Message-ID of its own.</summary>
    public bool Alone { get; init; }

    /// <summary>The reminder rows the email carries (listed or not), which make its Message-ID.</summary>
    public IReadOnlyList<long> RowIds { get; init; } = [];
}
