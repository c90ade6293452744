using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Worker.Reporting;
using static Proposals.Domain.Ledger.ItemKind;
using static Proposals.Domain.Ledger.ReplyClass;
using static Proposals.Domain.Ledger.Satisfaction;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>
/// The shipped paragraph follows the phrasing of real reports, one row per phrasing: levels kept apart, 满意率 with
/// or apart from 基本满意, 解决率 over the items handled, 主办 and 协办 apart, one item in the singular, and the
/// 办理结果公开 sentence; never "已测评". Each row is a dated ledger of the reporting year, as of its last day.
/// </summary>
public sealed class ParagraphPhrasingFacts
{
    private static readonly ParagraphRenderer Shipped = ParagraphRenderer.FromProgramFolder();

    // An item of the row's year: assigned 3 March, due 3 June, replied 20 May (on time) unless said otherwise.
    private static Item I(int year, ItemKind kind, string session, ReplyClass? replyClass = null, Satisfaction? satisfaction = null,
        BureauRole role = BureauRole.Lead, bool replied = true, string? published = null) =>
        Item(kind, assigned: $"{year}-03-03", due: $"{year}-06-03", replied: replied ? $"{year}-05-20" : null, session: session,
            replyClass: role == BureauRole.Lead && replied ? replyClass : null, satisfaction: satisfaction, role: role,
            evaluated: satisfaction is null ? null : $"{year}-06-10", published: published);

    private static IEnumerable<Item> Times(int n, Func<Item> item) => Enumerable.Range(0, n).Select(_ => item());

    private static (int Year, IEnumerable<Item> Items) Ledger(string name) => name switch
    {
        // A district's office handling the city's items: the city's level, though the bureau is a district's.
        "city items in a district" => (2022, [I(2022, Npc, "市十八届二次", satisfaction: Satisfied), I(2022, Cppcc, "市政协十五届二次", satisfaction: Satisfied)]),
        // The district's own items, its 届次 written with the level and the body.
        "district items written with the level" => (2021,
            [.. Times(4, () => I(2021, Npc, "区人大十八届四次会议", satisfaction: Satisfied)), .. Times(3, () => I(2021, Cppcc, "区政协十届五次会议", satisfaction: Satisfied))]),
        // A county bureau with the prefecture's items and its own (no level word: Reports:Level).
        "prefecture and county" => (2023,
            [.. Times(2, () => I(2023, Npc, "州十四届二次", satisfaction: Satisfied)), .. Times(4, () => I(2023, Npc, "十八届三次", satisfaction: Satisfied))]),
        "both replies published" => (2023,
            [I(2023, Npc, "十九届三次", satisfaction: Satisfied, published: "2023-07-01"), I(2023, Cppcc, "十五届三次", satisfaction: BasicallySatisfied, published: "2023-07-01")]),
        "satisfied and basically satisfied" => (2020, [.. Times(3, () => I(2020, Npc, "十六届五次", satisfaction: Satisfied)), I(2020, Npc, "十六届五次", satisfaction: BasicallySatisfied)]),
        "nine satisfied, one basically" => (2020, [.. Times(9, () => I(2020, Npc, "十六届五次", satisfaction: Satisfied)), I(2020, Npc, "十六届五次", satisfaction: BasicallySatisfied)]),
        "one of each class" => (2020, [I(2020, Npc, "十六届五次", A), I(2020, Npc, "十六届五次", B), I(2020, Npc, "十六届五次", C), I(2020, Npc, "十六届五次", ReplyClass.D)]),
        "the seed year's classes" => (2018,
            [.. Times(4, () => I(2018, Npc, "十五届一次", A)), .. Times(3, () => I(2018, Npc, "十五届一次", B)), I(2018, Npc, "十五届一次", C), I(2018, Npc, "十五届一次", ReplyClass.D)]),
        "led and assisted" => (2022,
            [.. Times(3, () => I(2022, Npc, "十九届一次")), .. Times(2, () => I(2022, Npc, "十九届一次", role: BureauRole.Assisting))]),
        "some replies published" => (2024,
            [I(2024, Npc, "十六届四次", published: "2024-08-01"), I(2024, Npc, "十六届四次", published: "2024-08-01"), I(2024, Cppcc, "十四届四次")]),
        "one assisted" => (2019, [I(2019, Npc, "十五届二次", role: BureauRole.Assisting)]),
        "one led" => (2019, [I(2019, Npc, "十五届二次")]),
        "none published" => (2021, [I(2021, Npc, "十五届五次"), I(2021, Npc, "十五届五次")]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such ledger"),
    };

    private static RateSettings Settings(string text)
    {
        var settings = new RateSettings();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=') is [var k, var v] ? (k, v) : throw new ArgumentException(pair);
            settings = key switch
            {
                "Level" => settings with { Level = value },
                "CountBasicallySatisfied" => settings with { CountBasicallySatisfied = bool.Parse(value) },
                "SolvedClasses" => settings with { SolvedClasses = SolvedClasses.Parse(value, out _)! },
                _ => throw new ArgumentException(pair),
            };
        }
        return settings;
    }

    //  the real phrasing followed (where from)         ledger                            settings                   the paragraph
    [Theory]
    [InlineData("共收到市人大代表建议1件、市政协委员提案1件 (威海市文登区人民政府办公室 2022)", "city items in a district", "Level=区",
        "2022年承办市十八届人大二次会议代表建议1件，已按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。" +
        "承办市政协十五届二次会议提案1件，已按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。建议提案答复尚无公开记录。")]
    [InlineData("区人大十八届四次会议……区政协十届五次会议 (威海市文登区交通运输局 2021)", "district items written with the level", "Level=区",
        "2021年承办区十八届人大四次会议代表建议4件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。" +
        "承办区政协十届五次会议提案3件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。建议提案答复尚无公开记录。")]
    [InlineData("州人大代表建议2件……县人大代表建议4件 (a county bureau's summary)", "prefecture and county", "Level=县",
        "2023年承办州十四届人大二次会议代表建议2件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。" +
        "承办县十八届人大三次会议代表建议4件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。" +
        "未承办县政协委员提案。建议提案答复尚无公开记录。")]
    [InlineData("人大代表建议及政协提案办理信息2条，办结率和满意率均为100% (遂宁市安居区经济合作局 2023)", "both replies published", "Level=区",
        "2023年承办区十九届人大三次会议代表建议1件，已按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。" +
        "承办区政协十五届三次会议提案1件，已按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。已办复的2件答复已全部公开。")]
    [InlineData("满意率（含基本满意）均为100% (a city government's 2020 summary of suggestions)", "satisfied and basically satisfied", "",
        "2020年承办市十六届人大五次会议代表建议4件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为100%。" +
        "未承办市政协委员提案。建议提案答复尚无公开记录。")]
    [InlineData("满意率为90%，基本满意率为10% (bureau summaries that give them apart)", "nine satisfied, one basically", "CountBasicallySatisfied=false",
        "2020年承办市十六届人大五次会议代表建议10件，已全部按期办理答复完毕，办复率为100%，满意率为90%，基本满意率为10%。" +
        "未承办市政协委员提案。建议提案答复尚无公开记录。")]
    [InlineData("已经解决或基本解决的（A类）有X件，占X% (a city government's 2020 summary)", "one of each class", "",
        "2020年承办市十六届人大五次会议代表建议4件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的1件，占承办总数的25%。" +
        "未承办市政协委员提案。建议提案答复尚无公开记录。")]
    [InlineData("解决或计划逐步解决 (A+B; the seed year: 77.78%, against 44.44% of A over replied)", "the seed year's classes", "SolvedClasses=A,B",
        "2018年承办市十五届人大一次会议代表建议9件，已全部按期办理答复完毕，办复率为100%，所提问题解决或计划逐步解决的7件，占承办总数的77.78%。" +
        "未承办市政协委员提案。建议提案答复尚无公开记录。")]
    [InlineData("共承办区十九届人大一次会议代表建议37件（主办34件、协办3件） (a district transport bureau 2022)", "led and assisted", "Level=区",
        "2022年共承办区十九届人大一次会议代表建议5件，其中主办3件、协办2件；主办的3件已全部按期办理答复完毕，办复率为100%；" +
        "协办的2件已全部向主办单位提交协办意见。未承办区政协委员提案。建议提案答复尚无公开记录。")]
    [InlineData("集中办理答复并主动公开人大政协建议提案22件 (a municipal bureau 2024)", "some replies published", "",
        "2024年承办市十六届人大四次会议代表建议2件，已全部按期办理答复完毕，办复率为100%。" +
        "承办市政协十四届四次会议提案1件，已按期办理答复完毕，办复率为100%。已办复的3件中，已公开答复2件。")]
    [InlineData("办理结果公开情况 (the section since the 2021 format): none recorded is said so", "none published", "",
        "2021年承办市十五届人大五次会议代表建议2件，已全部按期办理答复完毕，办复率为100%。未承办市政协委员提案。建议提案答复尚无公开记录。")]
    [InlineData("one item assisted: 为协办, not （均为协办）", "one assisted", "",
        "2019年承办市十五届人大二次会议代表建议1件，为协办，已向主办单位提交协办意见。未承办市政协委员提案。")]
    [InlineData("one item led: no 全部", "one led", "",
        "2019年承办市十五届人大二次会议代表建议1件，已按期办理答复完毕，办复率为100%。未承办市政协委员提案。建议提案答复尚无公开记录。")]
    public void TheParagraph_FollowsTheRealPhrasing(string phrasing, string ledger, string settings, string expected)
    {
        var (year, items) = Ledger(ledger);
        var paragraph = Shipped.Render(YearReport.Build(items, year, new DateOnly(year, 12, 31), Settings(settings)));

        Assert.True(expected == paragraph, $"{phrasing}\nexpected: {expected}\nactual:   {paragraph}");
        Assert.DoesNotContain("已测评", paragraph, StringComparison.Ordinal);
        Assert.True(paragraph.IndexOfAny([',', ';', ':', '(', ')']) < 0, $"half-width punctuation: {paragraph}");
    }
}
