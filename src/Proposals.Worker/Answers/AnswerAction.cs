using Proposals.Domain.Ledger;

namespace Proposals.Worker.Answers;

/// <summary>What a division may record from a link in its reminder.</summary>
internal enum AnswerAction
{
    /// <summary>确认签收: the division acknowledges the item.</summary>
    Acknowledge,

    /// <summary>登记答复: the lead division records its reply (date, class A-D, a note).</summary>
    Reply,

    /// <summary>协办意见已送达: a co-division records that its input reached the lead division.</summary>
    CoInput,
}

/// <summary>Codes and words of <see cref="AnswerAction"/>.</summary>
internal static class AnswerActions
{
    /// <summary>The code in a link: ack, reply, co-input.</summary>
    public static string Code(this AnswerAction action) => action switch
    {
        AnswerAction.Acknowledge => "ack",
        AnswerAction.Reply => "reply",
        AnswerAction.CoInput => "co-input",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>What the division reads on the button.</summary>
    public static string Label(this AnswerAction action) => action switch
    {
        AnswerAction.Acknowledge => "确认签收",
        AnswerAction.Reply => "登记答复",
        AnswerAction.CoInput => "协办意见已送达",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The fact the action records.</summary>
    public static FactKind Fact(this AnswerAction action) => action switch
    {
        AnswerAction.Acknowledge => FactKind.Acknowledgement,
        AnswerAction.Reply => FactKind.Reply,
        AnswerAction.CoInput => FactKind.CoInput,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Reads a code; null when it is none.</summary>
    public static AnswerAction? Parse(string? code) => code switch
    {
        "ack" => AnswerAction.Acknowledge,
        "reply" => AnswerAction.Reply,
        "co-input" => AnswerAction.CoInput,
        _ => null,
    };
}
