namespace Proposals.Domain.Ledger;

/// <summary>退回决定: what the assigning office decided on a return the bureau asked.</summary>
public enum ReturnDecision
{
    /// <summary>同意: the item is not the bureau's; it counts for nobody in the bureau from the decision on.</summary>
    Approved,

    /// <summary>不同意: the item stays the bureau's, as before the request.</summary>
    Refused,
}

/// <summary>Codes and words of <see cref="ReturnDecision"/>.</summary>
public static class ReturnDecisions
{
    /// <summary>The stored and JSON code: <c>approved</c> or <c>refused</c>.</summary>
    public static string Code(this ReturnDecision decision) => decision switch
    {
        ReturnDecision.Approved => "approved",
        ReturnDecision.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    /// <summary>同意 or 不同意.</summary>
    public static string ChineseName(this ReturnDecision decision) => decision switch
    {
        ReturnDecision.Approved => "同意",
        ReturnDecision.Refused => "不同意",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    /// <summary>Reads 同意/不同意 (or 是/否) or the codes; null when the text names no decision.</summary>
    public static ReturnDecision? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "同意" or "是" or "approved" or "yes" => ReturnDecision.Approved,
        "不同意" or "否" or "refused" or "no" => ReturnDecision.Refused,
        _ => null,
    };
}
