using Proposals.Domain.Ledger;
using static Proposals.Tests.Infrastructure.EnumValues;

namespace Proposals.Tests.Ledger;

/// <summary>
/// Every value of the ledger's enums has its own code and words, read back by the parsers; a value
/// outside the enum is refused, not taken for the last one.
/// </summary>
public sealed class EnumSwitchFacts
{
    public static TheoryData<ItemKind> EveryItemKind => All<ItemKind>();
    public static TheoryData<HandlingRound> EveryHandlingRound => All<HandlingRound>();
    public static TheoryData<Satisfaction> EverySatisfaction => All<Satisfaction>();
    public static TheoryData<ItemStatus> EveryItemStatus => All<ItemStatus>();
    public static TheoryData<FactKind> EveryFactKind => All<FactKind>();
    public static TheoryData<BureauRole> EveryBureauRole => All<BureauRole>();
    public static TheoryData<ReturnDecision> EveryReturnDecision => All<ReturnDecision>();

    [Theory]
    [MemberData(nameof(EveryItemKind))]
    public void ItemKind_HasItsOwnCodeAndNames_ReadBack(ItemKind kind)
    {
        AssertOwn(kind, k => k.Code());
        AssertOwn(kind, k => k.ShortName());
        AssertOwn(kind, k => k.FullName());
        Assert.Equal(kind, ItemKinds.Parse(kind.Code()));
        Assert.Equal(kind, ItemKinds.Parse(kind.ShortName()));
        Assert.Equal(kind, ItemKinds.Parse(kind.FullName()));
    }

    [Fact]
    public void ItemKind_Undefined_IsRefused()
    {
        var kind = Undefined<ItemKind>();
        Assert.Throws<ArgumentOutOfRangeException>(() => kind.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => kind.ShortName());
        Assert.Throws<ArgumentOutOfRangeException>(() => kind.FullName());
    }

    [Theory]
    [MemberData(nameof(EveryHandlingRound))]
    public void HandlingRound_HasItsOwnCode_ReadBack(HandlingRound round)
    {
        AssertOwn(round, r => r.Code());
        Assert.Equal(round, HandlingRounds.Parse(round.Code()));
    }

    [Fact]
    public void HandlingRound_Undefined_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Undefined<HandlingRound>().Code());

    [Theory]
    [MemberData(nameof(EverySatisfaction))]
    public void Satisfaction_HasItsOwnCodeAndWord_ReadBack(Satisfaction satisfaction)
    {
        AssertOwn(satisfaction, s => s.Code());
        AssertOwn(satisfaction, s => s.ChineseName());
        Assert.Equal(satisfaction, Satisfactions.Parse(satisfaction.Code()));
        Assert.Equal(satisfaction, Satisfactions.Parse(satisfaction.ChineseName()));
    }

    [Fact]
    public void Satisfaction_Undefined_IsRefused()
    {
        var satisfaction = Undefined<Satisfaction>();
        Assert.Throws<ArgumentOutOfRangeException>(() => satisfaction.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => satisfaction.ChineseName());
    }

    [Theory]
    [MemberData(nameof(EveryItemStatus))]
    public void ItemStatus_HasItsOwnCodeAndName(ItemStatus status)
    {
        AssertOwn(status, s => s.Code());
        AssertOwn(status, s => s.ChineseName());
    }

    [Fact]
    public void ItemStatus_Undefined_IsRefused()
    {
        var status = Undefined<ItemStatus>();
        Assert.Throws<ArgumentOutOfRangeException>(() => status.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => status.ChineseName());
    }

    [Theory]
    [MemberData(nameof(EveryFactKind))]
    public void FactKind_HasItsOwnCodeAndName_ReadBack(FactKind kind)
    {
        AssertOwn(kind, k => k.Code());
        AssertOwn(kind, k => k.ChineseName());
        Assert.Equal(kind, FactKinds.Parse(kind.Code()));
    }

    [Fact]
    public void FactKind_Undefined_IsRefused()
    {
        var kind = Undefined<FactKind>();
        Assert.Throws<ArgumentOutOfRangeException>(() => kind.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => kind.ChineseName());
    }

    [Theory]
    [MemberData(nameof(EveryBureauRole))]
    public void BureauRole_HasItsOwnCodeAndName_ReadBack(BureauRole role)
    {
        AssertOwn(role, r => r.Code());
        AssertOwn(role, r => r.ChineseName());
        Assert.Equal(role, BureauRoles.Parse(role.Code()));
        Assert.Equal(role, BureauRoles.Parse(role.ChineseName()));
        // All but 协办 answer as a lead.
        Assert.Equal(role != BureauRole.Assisting, role.IsLead());
    }

    [Fact]
    public void BureauRole_Undefined_IsRefused()
    {
        var role = Undefined<BureauRole>();
        Assert.Throws<ArgumentOutOfRangeException>(() => role.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => role.ChineseName());
        Assert.Throws<ArgumentOutOfRangeException>(() => role.IsLead());
    }

    [Theory]
    [MemberData(nameof(EveryReturnDecision))]
    public void ReturnDecision_HasItsOwnCodeAndWord_ReadBack(ReturnDecision decision)
    {
        AssertOwn(decision, d => d.Code());
        AssertOwn(decision, d => d.ChineseName());
        Assert.Equal(decision, ReturnDecisions.Parse(decision.Code()));
        Assert.Equal(decision, ReturnDecisions.Parse(decision.ChineseName()));
    }

    [Fact]
    public void ReturnDecision_Undefined_IsRefused()
    {
        var decision = Undefined<ReturnDecision>();
        Assert.Throws<ArgumentOutOfRangeException>(() => decision.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => decision.ChineseName());
    }
}
