namespace Proposals.Domain.Ledger;

/// <summary>
/// 承办方式: the part the city gave the bureau. The city names a lead unit (主办单位) that answers the
/// deputy or member, and sometimes assisting units (协办/会办单位) that give the lead unit their written
/// input; 分办 units each handle and answer their own part ("分别办理，分别答复"), and 合办 units lead
/// jointly. The bureau is sometimes the one, sometimes the other.
/// </summary>
public enum BureauRole
{
    /// <summary>主办: the bureau answers the deputy or member and is evaluated.</summary>
    Lead,

    /// <summary>协办 (会办): the bureau owes the city's lead unit its written input; no reply letter, no evaluation.</summary>
    Assisting,

    /// <summary>分办: the bureau handles and answers its own part, as a lead: its own reply, evaluation and time limit.</summary>
    Split,

    /// <summary>合办: the bureau leads jointly with other units, answering as a lead.</summary>
    Joint,
}

/// <summary>Codes and words of <see cref="BureauRole"/>.</summary>
public static class BureauRoles
{
    /// <summary>The stored and JSON code: <c>lead</c>, <c>assisting</c>, <c>split</c> or <c>joint</c>.</summary>
    public static string Code(this BureauRole role) => role switch
    {
        BureauRole.Lead => "lead",
        BureauRole.Assisting => "assisting",
        BureauRole.Split => "split",
        BureauRole.Joint => "joint",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>主办, 协办, 分办 or 合办.</summary>
    public static string ChineseName(this BureauRole role) => role switch
    {
        BureauRole.Lead => "主办",
        BureauRole.Assisting => "协办",
        BureauRole.Split => "分办",
        BureauRole.Joint => "合办",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// Whether the bureau answers the deputy or member itself (主办, 分办, 合办): its reply has a class,
    /// it is evaluated, it has the reply's time limit and it counts among the items it leads.
    /// </summary>
    public static bool IsLead(this BureauRole role) => role switch
    {
        BureauRole.Lead or BureauRole.Split or BureauRole.Joint => true,
        BureauRole.Assisting => false,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Reads 主办/协办/会办/分办/合办 or lead/assisting/split/joint; null when the text names no role.</summary>
    public static BureauRole? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "主办" or "LEAD" => BureauRole.Lead,
        "协办" or "会办" or "ASSISTING" or "ASSIST" => BureauRole.Assisting,
        "分办" or "SPLIT" => BureauRole.Split,
        "合办" or "JOINT" => BureauRole.Joint,
        _ => null,
    };
}
