namespace Proposals.Domain.Ledger;

/// <summary>
/// 承办方式: the part the city gave the bureau. The city names a lead unit (主办单位) that answers the
/// deputy or member, and sometimes assisting units (协办/会办/分办单位) that give the lead unit their
/// written input; the bureau is sometimes the one, sometimes the other.
/// </summary>
public enum BureauRole
{
    /// <summary>主办: the bureau answers the deputy or member and is evaluated.</summary>
    Lead,

    /// <summary>协办 (会办): the bureau owes the city's lead unit its written input; no reply letter, no evaluation.</summary>
    Assisting,
}

/// <summary>Codes and words of <see cref="BureauRole"/>.</summary>
public static class BureauRoles
{
    /// <summary>
    /// Whether the bureau leads the item: it answers, is evaluated and counts in the rates. The one test of
    /// "is this a lead item" for the figures, so that every role that leads (主办, and the roles that lead a
    /// part or jointly) counts alike.
    /// </summary>
    public static bool IsLead(this BureauRole role) => role == BureauRole.Lead;

    /// <summary>The stored and JSON code: <c>lead</c> or <c>assisting</c>.</summary>
    public static string Code(this BureauRole role) => role == BureauRole.Lead ? "lead" : "assisting";

    /// <summary>主办 or 协办.</summary>
    public static string ChineseName(this BureauRole role) => role == BureauRole.Lead ? "主办" : "协办";

    /// <summary>Reads 主办/协办/会办/分办 or lead/assisting; null when the text names no role.</summary>
    public static BureauRole? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "主办" or "LEAD" => BureauRole.Lead,
        "协办" or "会办" or "分办" or "ASSISTING" or "ASSIST" => BureauRole.Assisting,
        _ => null,
    };
}
