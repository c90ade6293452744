using Proposals.Domain.Ledger;

namespace Proposals.Mail;

/// <summary>
/// 综合处's morning summary: what the day's reminder emails carried, by division, what failed with the
/// server's words, and what is overdue; sent once a day when anything was sent or failed.
/// </summary>
/// <param name="Today">The day.</param>
/// <param name="Divisions">Per division: emails, items and overdue items carried.</param>
/// <param name="Failures">What failed or has an unknown fate since the last summary.</param>
/// <param name="Overdue">The overdue items the day's emails carried, most overdue first (capped).</param>
public sealed record MorningSummary(DateOnly Today, IReadOnlyList<SummaryDivision> Divisions, IReadOnlyList<SummaryFailure> Failures, IReadOnlyList<SummaryOverdue> Overdue)
{
    /// <summary>Overdue lines not listed (past Reminders:MaxItemsPerEmail).</summary>
    public int MoreOverdue { get; init; }

    /// <summary>Failures not listed.</summary>
    public int MoreFailures { get; init; }

    /// <summary>Where the coordinator reads the full record (催办记录), when a public address is set.</summary>
    public Uri? RecordUrl { get; init; }
}

/// <summary>One division's line in the summary.</summary>
public sealed record SummaryDivision(string Division, int Emails, int Items, int Overdue);

/// <summary>A reminder that failed, or whose fate is unknown, with the server's words.</summary>
public sealed record SummaryFailure(string Division, ItemKey Item, string Title, string State, string Reason);

/// <summary>An overdue item a division's email carried.</summary>
public sealed record SummaryOverdue(string Division, ItemKey Item, string Title, DateOnly DueOn, int DaysOverdue, string StageName);
