using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using static Proposals.Domain.Ledger.ItemKind;

namespace Proposals.Tests.Reporting;

/// <summary>
/// The level a 届次 carries: a level word at its start (the longest first: 自治区 before 区), or a place that ends in
/// one; none for a 届次 with no place (the seeds' 十五届一次), which is then the bureau's (Reports:Level).
/// </summary>
public sealed class CongressLevelFacts
{
    [Theory]
    [InlineData("十五届一次", null, null)]                   // the seeds: Reports:Level, silently
    [InlineData("第十五届第一次会议", null, null)]
    [InlineData("人大第16届第1次会议", null, null)]
    [InlineData("政协十四届二次", null, null)]
    [InlineData("市十五届一次", "市", null)]
    [InlineData("区十九届一次", "区", null)]
    [InlineData("区人大十八届四次会议", "区", null)]           // as 文登区交通运输局 2021 writes it
    [InlineData("区政协十届五次会议", "区", null)]
    [InlineData("县十八届人大二次会议", "县", null)]
    [InlineData("州十四届一次", "州", null)]
    [InlineData("省十三届人大一次会议", "省", null)]
    [InlineData("盟四届一次", "盟", null)]
    [InlineData("旗十七届三次", "旗", null)]
    [InlineData("自治区十三届一次", "自治区", null)]           // longest first: not 区
    [InlineData("自治州十四届二次", "自治州", null)]           // not 州
    [InlineData("自治县十七届一次", "自治县", null)]           // not 县
    [InlineData("文登区十九届人大一次会议", "区", null)]        // a place ending in its level
    [InlineData("威海市十八届人大二次会议", "市", null)]
    [InlineData("延边朝鲜族自治州十五届一次", "自治州", null)]
    [InlineData("广西壮族自治区政协十二届一次", "自治区", null)]
    [InlineData("黑龙江十三届一次", null, "黑龙江")]           // a place that names no level: noted at import
    [InlineData("2019年十五届一次", null, "2019年")]
    [InlineData("区闭会期间", "区", null)]
    [InlineData("闭会期间", null, null)]
    [InlineData("2019年第一批", null, null)]                 // not a 届次: used as written, no note
    public void LevelOf_ReadsTheLevelAtTheStart(string session, string? level, string? unreadable)
    {
        Assert.Equal(level, SessionName.LevelOf(session));
        Assert.Equal(unreadable, SessionName.UnreadablePlace(session));
    }

    [Theory]
    [InlineData(Npc, "十五届一次", "区", "区十五届人大一次会议")]
    [InlineData(Cppcc, "十四届一次", "县", "县政协十四届一次会议")]
    [InlineData(Npc, "市十五届一次", "区", "市十五届人大一次会议")]      // its own level, not the bureau's
    [InlineData(Npc, "区人大十八届四次会议", "市", "区十八届人大四次会议")]
    [InlineData(Cppcc, "区政协十届五次会议", "市", "区政协十届五次会议")]
    [InlineData(Npc, "自治州十四届二次", "县", "自治州十四届人大二次会议")]
    [InlineData(Npc, "文登区十九届人大一次会议", "市", "区十九届人大一次会议")]
    [InlineData(Npc, "黑龙江十三届一次", "市", "市十三届人大一次会议")]   // unreadable: Reports:Level
    [InlineData(Npc, "区政协十届五次会议", "区", "区政协十届五次会议")]    // another body's session: as written
    [InlineData(Npc, "区闭会期间", "市", "闭会期间")]
    public void Of_NamesTheSessionAtItsLevel(ItemKind kind, string session, string bureau, string expected) =>
        Assert.Equal(expected, SessionName.Of(kind, session, bureau));

    [Theory]
    [InlineData(Npc, "十九届一次|市十五届一次", "区", "市十五届人大一次会议及区十九届人大一次会议")]   // higher level first, never one name
    [InlineData(Npc, "十九届一次|闭会期间", "区", "区十九届人大一次会议及闭会期间")]
    [InlineData(Cppcc, "省十二届一次|十四届一次", "市", "省政协十二届一次会议及市政协十四届一次会议")]
    public void Join_KeepsEachSessionsLevel(ItemKind kind, string sessions, string bureau, string expected) =>
        Assert.Equal(expected, SessionName.Join(kind, sessions.Split('|'), bureau));

    [Theory]
    [InlineData("市", true)]
    [InlineData("自治县", true)]
    [InlineData("街道", false)]
    [InlineData("乡", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsWord_KnowsTheTenLevelWords(string? text, bool expected) => Assert.Equal(expected, CongressLevel.IsWord(text));

    [Theory]
    [InlineData("A", "A")]
    [InlineData("A,B", "A,B")]
    [InlineData(" b , a ", "A,B")]
    [InlineData("A，B、C", "A,B,C")]
    [InlineData("A,A", "A")]
    public void SolvedClasses_ReadsLetters(string text, string expected) =>
        Assert.Equal(expected, SolvedClasses.Parse(text, out _)!.Code);

    [Theory]
    [InlineData("A,E", "E")]
    [InlineData("甲", "甲")]
    [InlineData("AB", "AB")]
    [InlineData("", "")]
    [InlineData(" , ", "")]
    public void SolvedClasses_RefusesWhatIsNoLetter(string text, string unknown)
    {
        Assert.Null(SolvedClasses.Parse(text, out var found));
        Assert.Equal(unknown, found);
    }
}
