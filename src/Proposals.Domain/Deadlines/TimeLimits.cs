namespace Proposals.Domain.Deadlines;

/// <summary>The time limits of the handling rules; each is a setting under <c>Ledger:</c>.</summary>
/// <param name="ReplyMonths">Months from assignment to the reply due date (3 by national and local rules).</param>
/// <param name="CoInputMonths">Months from assignment to the co-divisions' written input, and to the bureau's input when it assists (1).</param>
/// <param name="RehandleMonths">Months from a 不满意 evaluation to the second reply (重新办理, 1).</param>
/// <param name="AcknowledgeWorkingDays">Working days after assignment within which the lead division acknowledges (签收, 2).</param>
/// <param name="ReturnWorkingDays">Working days after assignment within which a return (退回) may be asked (7).</param>
public sealed record TimeLimits(
    int ReplyMonths = 3, int CoInputMonths = 1, int RehandleMonths = 1, int AcknowledgeWorkingDays = 2, int ReturnWorkingDays = 7)
{
    /// <summary>The defaults of the rules.</summary>
    public static TimeLimits Default { get; } = new();
}
