namespace Proposals.Domain.Deadlines;

/// <summary>The time limits of the handling rules; both are settings (Ledger:ReplyMonths, Ledger:CoInputMonths).</summary>
/// <param name="ReplyMonths">Months from assignment to the reply due date (3 by national and local rules).</param>
/// <param name="CoInputMonths">Months from assignment to the co-divisions' written input (1).</param>
public sealed record TimeLimits(int ReplyMonths = 3, int CoInputMonths = 1)
{
    /// <summary>The defaults of the rules.</summary>
    public static TimeLimits Default { get; } = new();
}
