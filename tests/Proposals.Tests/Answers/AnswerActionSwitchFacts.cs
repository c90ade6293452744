using Proposals.Domain.Ledger;
using Proposals.Worker.Answers;
using static Proposals.Tests.Infrastructure.EnumValues;

namespace Proposals.Tests.Answers;

/// <summary>
/// Every action a reminder's link offers has its own code, label and fact, and its code reads back; a
/// value outside the enum is refused, not taken for 协办意见已送达 (the last one).
/// </summary>
public sealed class AnswerActionSwitchFacts
{
    public static TheoryData<string> EveryAction => Names<AnswerAction>();

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Action_HasItsOwnCodeLabelAndFact_ReadBack(string name)
    {
        var action = Enum.Parse<AnswerAction>(name);
        AssertOwn(action, a => a.Code());
        AssertOwn(action, a => a.Label());
        AssertOwn(action, a => a.Fact());
        Assert.Equal(action, AnswerActions.Parse(action.Code()));
    }

    [Theory]
    [InlineData("Acknowledge", FactKind.Acknowledgement)]
    [InlineData("Reply", FactKind.Reply)]
    [InlineData("CoInput", FactKind.CoInput)]
    public void Action_RecordsItsFact(string name, FactKind fact) =>
        Assert.Equal(fact, Enum.Parse<AnswerAction>(name).Fact());

    [Fact]
    public void Action_Undefined_IsRefused()
    {
        var action = Undefined<AnswerAction>();
        Assert.Throws<ArgumentOutOfRangeException>(() => action.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => action.Label());
        Assert.Throws<ArgumentOutOfRangeException>(() => action.Fact());
    }
}
