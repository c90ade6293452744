namespace Proposals.Domain.Ledger;

/// <summary>The kinds of dated fact a division or the coordinator records about an item.</summary>
public enum FactKind
{
    /// <summary>签收: a division acknowledges the item.</summary>
    Acknowledgement,

    /// <summary>答复: the lead division's reply (the second one while re-handling; the bureau's input when it assists).</summary>
    Reply,

    /// <summary>协办意见送达: a co-division's input reached the lead division.</summary>
    CoInput,

    /// <summary>退回: the item is not the bureau's business, with the reason.</summary>
    Return,

    /// <summary>延期: the assigning office approved a new due date, with the reason.</summary>
    Extension,

    /// <summary>退回决定: the assigning office approved (同意) or refused (不同意) a return the bureau asked.</summary>
    ReturnDecision,

    /// <summary>测评: the deputy's or member's evaluation (the second one after re-handling).</summary>
    Evaluation,

    /// <summary>答复公开: the reply was published.</summary>
    Publication,
}

/// <summary>Codes and words of <see cref="FactKind"/>.</summary>
public static class FactKinds
{
    /// <summary>The code on the command line and in the facts table: ack, reply, co-input, return, return-decision, extension, evaluation, publication.</summary>
    public static string Code(this FactKind kind) => kind switch
    {
        FactKind.Acknowledgement => "ack",
        FactKind.Reply => "reply",
        FactKind.CoInput => "co-input",
        FactKind.Return => "return",
        FactKind.ReturnDecision => "return-decision",
        FactKind.Extension => "extension",
        FactKind.Evaluation => "evaluation",
        FactKind.Publication => "publication",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>签收, 答复, 协办意见送达, 退回申请, 退回决定, 延期, 测评, 答复公开.</summary>
    public static string ChineseName(this FactKind kind) => kind switch
    {
        FactKind.Acknowledgement => "签收",
        FactKind.Reply => "答复",
        FactKind.CoInput => "协办意见送达",
        FactKind.Return => "退回申请",
        FactKind.ReturnDecision => "退回决定",
        FactKind.Extension => "延期",
        FactKind.Evaluation => "测评",
        FactKind.Publication => "答复公开",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads a code written by <see cref="Code"/>; null when it is none.</summary>
    public static FactKind? Parse(string? code) => code switch
    {
        "ack" => FactKind.Acknowledgement,
        "reply" => FactKind.Reply,
        "co-input" => FactKind.CoInput,
        "return" => FactKind.Return,
        "return-decision" => FactKind.ReturnDecision,
        "extension" => FactKind.Extension,
        "evaluation" => FactKind.Evaluation,
        "publication" => FactKind.Publication,
        _ => null,
    };
}

/// <summary>
/// One dated fact about an item, as a division (from its email's link), the coordinator or a
/// command records it; what it says depends on its kind.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="On">The day it happened (for an extension: the day it was approved; for a return: the day it was asked).</param>
/// <param name="Division">The division it is about (acknowledgement, co-division input).</param>
/// <param name="Class">The reply's class, A-D.</param>
/// <param name="Satisfaction">The evaluation.</param>
/// <param name="To">An extension's new due date.</param>
/// <param name="Reason">A return's or an extension's reason; a reply's note.</param>
/// <param name="Decision">A return decision: approved or refused.</param>
/// <param name="DecidedBy">Who approved an extension or decided a return (the assigning office), as given.</param>
/// <param name="Override">Why a rule (a late request, an extension past its cap) is set aside; null to keep the rules.</param>
public sealed record LedgerFact(
    FactKind Kind, DateOnly On, string? Division = null, ReplyClass? Class = null, Satisfaction? Satisfaction = null,
    DateOnly? To = null, string? Reason = null, ReturnDecision? Decision = null, string? DecidedBy = null, string? Override = null);
