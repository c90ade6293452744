using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Domain.Ledger.ItemKind;

namespace Proposals.Tests.Reporting;

/// <summary>届次 named as the congress and the CPPCC name them in a report.</summary>
public sealed class SessionNameFacts
{
    [Theory]
    [InlineData(Npc, "十五届一次", "市十五届人大一次会议")]
    [InlineData(Cppcc, "十四届一次", "市政协十四届一次会议")]
    [InlineData(Npc, "闭会期间", "闭会期间")]
    [InlineData(Cppcc, "闭会期间", "闭会期间")]
    [InlineData(Npc, " 十五届一次 ", "市十五届人大一次会议")]
    [InlineData(Npc, "第十五届第一次会议", "市十五届人大一次会议")]
    [InlineData(Npc, "十五届人大二次", "市十五届人大二次会议")]
    [InlineData(Npc, "第十五届人民代表大会第三次会议", "市十五届人大三次会议")]
    [InlineData(Npc, "15届1次", "市十五届人大一次会议")]
    [InlineData(Npc, "人大第16届第1次会议", "市十六届人大一次会议")]
    [InlineData(Cppcc, "政协十四届二次", "市政协十四届二次会议")]
    [InlineData(Cppcc, "二十届十次", "市政协二十届十次会议")]
    [InlineData(Npc, "政协十四届一次", "政协十四届一次")]   // another body's session: as written
    [InlineData(Npc, "十五届", "十五届")]
    [InlineData(Npc, "2019年第一批", "2019年第一批")]
    [InlineData(Npc, "百届一次", "百届一次")]
    public void Of_NamesTheSession_OrUsesTheTextAsWritten(ItemKind kind, string session, string expected) =>
        Assert.Equal(expected, SessionName.Of(kind, session));

    [Theory]
    [InlineData(Npc, "十五届一次", "市十五届人大一次会议")]
    [InlineData(Npc, "闭会期间|十五届一次", "市十五届人大一次会议及闭会期间")]
    [InlineData(Npc, "十五届二次|十四届五次|闭会期间", "市十四届人大五次会议、市十五届人大二次会议及闭会期间")]
    [InlineData(Npc, "十五届一次|第十五届第一次会议", "市十五届人大一次会议")] // one session written two ways
    [InlineData(Npc, "专题调研|十五届一次|闭会期间", "市十五届人大一次会议、专题调研及闭会期间")]
    [InlineData(Cppcc, "十四届二次|十四届一次", "市政协十四届一次会议及市政协十四届二次会议")]
    [InlineData(Npc, "", "")]
    public void Join_NamesSeveralSessionsInTheOrderTheySat(ItemKind kind, string sessions, string expected) =>
        Assert.Equal(expected, SessionName.Join(kind, sessions.Split('|', StringSplitOptions.RemoveEmptyEntries)));
}
