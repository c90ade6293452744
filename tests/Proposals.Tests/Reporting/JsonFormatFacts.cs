using System.Text.Json;
using Proposals.Worker.Reporting;

namespace Proposals.Tests.Reporting;

/// <summary>Scripts rely on this shape: names, order and types are pinned here.</summary>
public sealed class JsonFormatFacts
{
    private static readonly string[] Counts =
    [
        "assigned", "replied", "repliedOnTime", "overdueOpen", "evaluated", "satisfied", "basicallySatisfied",
        "dissatisfied", "classA", "classB", "classC", "classD", "returned", "extended", "keyItems", "keyReplied",
    ];

    private static readonly string[] Rates = ["replyRate", "onTimeReplyRate", "satisfactionRate", "classARate"];

    // Added with the bureau's role, re-handling, returns and publication: after the first fields, never among them.
    private static readonly string[] AddedCounts =
    [
        "openNotDue", "assisting", "assistingDelivered", "rehandled", "rereplied",
        "finalSatisfied", "finalBasicallySatisfied", "finalDissatisfied", "returnedLate", "published",
    ];

    private static readonly string[] AddedRates = ["finalSatisfactionRate"];

    // Added with levels, satisfaction apart from 基本满意 and the solved classes: after the fields above.
    private static readonly string[] LaterCounts = ["publishedOfYear", "solved"];

    private static readonly string[] LaterRates = ["basicallySatisfiedRate", "finalBasicallySatisfiedRate", "solvedRate"];

    private static readonly string[] KindTrailer = ["sessions", "sessionText", "levels"];

    private static JsonElement Parse(Proposals.Domain.Rates.YearReport report, string paragraph = "段落。") =>
        JsonDocument.Parse(Render.Bytes(new JsonReportFormat(), report, paragraph)).RootElement.Clone();

    private static void AssertFigures(JsonElement figures, string[] leading, string[]? trailing = null)
    {
        Assert.Equal(
            [.. leading, .. Counts, .. Rates, .. AddedCounts, .. AddedRates, .. LaterCounts, .. LaterRates, "classShares", .. trailing ?? []],
            figures.EnumerateObject().Select(p => p.Name));
        foreach (var name in Counts.Concat(AddedCounts).Concat(LaterCounts)) Assert.True(figures.GetProperty(name).TryGetInt32(out _), $"{name} is not an integer");
        foreach (var name in Rates.Concat(AddedRates).Concat(LaterRates)) AssertRate(name, figures.GetProperty(name));
        var shares = figures.GetProperty("classShares");
        Assert.Equal(["A", "B", "C", "D"], shares.EnumerateObject().Select(p => p.Name));
        foreach (var share in shares.EnumerateObject()) AssertRate("classShares." + share.Name, share.Value);
    }

    private static void AssertRate(string name, JsonElement rate) =>
        Assert.True(rate.ValueKind is JsonValueKind.Null || rate.ValueKind is JsonValueKind.Number && rate.GetDouble() is >= 0 and <= 1,
            $"{name} is {rate}");

    [Fact]
    public void Shape_IsPinned()
    {
        var root = Parse(Render.Ledger2019(), "2019年承办……");
        Assert.Equal(["year", "asOf", "kinds", "divisions", "paragraph", "keyItemList", "settings"], root.EnumerateObject().Select(p => p.Name));
        var settings = root.GetProperty("settings");
        Assert.Equal(["level", "countBasicallySatisfied", "solvedClasses"], settings.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("市", true, "A"),
            (settings.GetProperty("level").GetString(), settings.GetProperty("countBasicallySatisfied").GetBoolean(), settings.GetProperty("solvedClasses").GetString()));
        Assert.Equal(2019, root.GetProperty("year").GetInt32());
        Assert.Equal("2019-12-31", root.GetProperty("asOf").GetString());
        Assert.Equal("2019年承办……", root.GetProperty("paragraph").GetString());
        Assert.Equal(["npc", "cppcc"], root.GetProperty("kinds").EnumerateObject().Select(p => p.Name));
        foreach (var kind in root.GetProperty("kinds").EnumerateObject())
        {
            AssertFigures(kind.Value, [], KindTrailer);
            foreach (var level in kind.Value.GetProperty("levels").EnumerateArray()) AssertFigures(level, ["level", "sessionText"], ["sessions"]);
        }

        var divisions = root.GetProperty("divisions").EnumerateArray().ToList();
        Assert.Equal(6, divisions.Count);
        foreach (var d in divisions) AssertFigures(d, ["division", "kind"]);
        Assert.Equal(("综合处", "npc"), (divisions[0].GetProperty("division").GetString(), divisions[0].GetProperty("kind").GetString()));

        var key = root.GetProperty("keyItemList").EnumerateArray().First();
        Assert.Equal(["kind", "session", "number", "title", "division", "status", "dueOn", "repliedOn", "repliedOnTime"],
            key.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2019-06-05", key.GetProperty("dueOn").GetString());
    }

    [Fact]
    public void Figures_CarryTheCounts_AndRatesRoundedToFourDecimals()
    {
        var npc = Parse(Render.Ledger2019()).GetProperty("kinds").GetProperty("npc");
        Assert.Equal(16, npc.GetProperty("assigned").GetInt32());
        Assert.Equal(2, npc.GetProperty("returned").GetInt32());
        Assert.Equal(0.6875, npc.GetProperty("replyRate").GetDouble());
        Assert.Equal(0.8889, npc.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(0.4545, npc.GetProperty("classARate").GetDouble());
    }

    [Fact]
    public void Rates_AreNull_WhenTheDenominatorIsZero()
    {
        var root = Parse(Render.Empty2019());
        Assert.Empty(root.GetProperty("divisions").EnumerateArray());
        var cppcc = root.GetProperty("kinds").GetProperty("cppcc");
        AssertFigures(cppcc, [], KindTrailer);
        Assert.All(Rates.Concat(AddedRates).Concat(LaterRates), r => Assert.Equal(JsonValueKind.Null, cppcc.GetProperty(r).ValueKind));
        Assert.All(cppcc.GetProperty("classShares").EnumerateObject(), s => Assert.Equal(JsonValueKind.Null, s.Value.ValueKind));
        Assert.Empty(cppcc.GetProperty("levels").EnumerateArray());
    }

    [Fact]
    public void ChineseText_StaysReadable()
    {
        var json = Render.Text(new JsonReportFormat(), Render.Ledger2019());
        Assert.Contains("\"division\": \"综合处\"", json);
    }

    [Fact]
    public void AddedFigures_CarryTheBureausYear()
    {
        var report = Proposals.Domain.Rates.YearReport.Build(
        [
            Ledgers.Item(replied: "2019-05-20", satisfaction: Proposals.Domain.Ledger.Satisfaction.Dissatisfied, evaluated: "2019-06-10",
                rereplied: "2019-07-05", second: Proposals.Domain.Ledger.Satisfaction.Satisfied, published: "2019-07-01", session: "十五届一次"),
            Ledgers.Item(assigned: "2019-10-15", due: "2020-01-15", session: "闭会期间"),
            Ledgers.Item(role: Proposals.Domain.Ledger.BureauRole.Assisting, replied: "2019-03-20", session: "十五届一次"),
            Ledgers.Item(returned: true, returnedOn: "2019-03-20", returnBy: "2019-03-12"),
        ], 2019, new DateOnly(2019, 12, 31));
        var npc = Parse(report).GetProperty("kinds").GetProperty("npc");
        Assert.Equal(
            "openNotDue=1 assisting=1 assistingDelivered=1 rehandled=1 rereplied=1 finalSatisfied=1 finalBasicallySatisfied=0 " +
            "finalDissatisfied=0 returnedLate=1 published=1",
            string.Join(" ", AddedCounts.Select(n => $"{n}={npc.GetProperty(n).GetInt32()}")));
        Assert.Equal((0.0, 1.0), (npc.GetProperty("satisfactionRate").GetDouble(), npc.GetProperty("finalSatisfactionRate").GetDouble()));
        Assert.Equal(2, npc.GetProperty("assigned").GetInt32());
        Assert.Equal(["十五届一次", "闭会期间"], npc.GetProperty("sessions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("市十五届人大一次会议及闭会期间", npc.GetProperty("sessionText").GetString());
        Assert.Equal("", Parse(report).GetProperty("kinds").GetProperty("cppcc").GetProperty("sessionText").GetString());
    }

    [Fact]
    public void Levels_CarryEachLevelsFigures_AndTheKindItsTotals()
    {
        var settings = new Proposals.Domain.Rates.RateSettings(CountBasicallySatisfied: false)
        {
            Level = "县",
            SolvedClasses = Proposals.Domain.Rates.SolvedClasses.Parse("A,B", out _)!,
        };
        var report = Proposals.Domain.Rates.YearReport.Build(
        [
            Ledgers.Item(due: "2019-06-03", replied: "2019-05-20", replyClass: Proposals.Domain.Ledger.ReplyClass.A, session: "州十四届一次",
                satisfaction: Proposals.Domain.Ledger.Satisfaction.BasicallySatisfied, evaluated: "2019-06-10"),
            Ledgers.Item(due: "2019-06-03", replied: "2019-05-20", replyClass: Proposals.Domain.Ledger.ReplyClass.C, session: "十八届二次"),
            Ledgers.Item(due: "2019-06-03", replied: "2019-05-20", replyClass: Proposals.Domain.Ledger.ReplyClass.B, session: "十八届二次"),
            Ledgers.Item(due: "2019-06-03", session: "十八届二次"),
        ], 2019, new DateOnly(2019, 12, 31), settings);
        var npc = Parse(report).GetProperty("kinds").GetProperty("npc");

        // 解决或计划逐步解决 over the lead items (A and B: 2 of 4), A类占已办复 apart (1 of 3).
        Assert.Equal((4, 0.5, 0.3333), (npc.GetProperty("assigned").GetInt32(), npc.GetProperty("solvedRate").GetDouble(), npc.GetProperty("classARate").GetDouble()));
        Assert.Equal("州十四届人大一次会议及县十八届人大二次会议", npc.GetProperty("sessionText").GetString());
        var levels = npc.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(
            ["州 州十四届人大一次会议 1 A=1 B=0 C=0 D=0 solved=1 satisfaction=0 basically=1", "县 县十八届人大二次会议 3 A=0 B=0.3333 C=0.3333 D=0 solved=0.3333 satisfaction=null basically=null"],
            levels.Select(l =>
                $"{l.GetProperty("level").GetString()} {l.GetProperty("sessionText").GetString()} {l.GetProperty("assigned").GetInt32()} " +
                string.Join(" ", l.GetProperty("classShares").EnumerateObject().Select(c => $"{c.Name}={c.Value.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}")) +
                $" solved={l.GetProperty("solvedRate")} satisfaction={Shown(l.GetProperty("satisfactionRate"))} basically={Shown(l.GetProperty("basicallySatisfiedRate"))}"));
        Assert.Equal(["十八届二次"], levels[1].GetProperty("sessions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("县", false, "A,B"), (Parse(report).GetProperty("settings").GetProperty("level").GetString(),
            Parse(report).GetProperty("settings").GetProperty("countBasicallySatisfied").GetBoolean(), Parse(report).GetProperty("settings").GetProperty("solvedClasses").GetString()));
    }

    private static string Shown(JsonElement rate) => rate.ValueKind == JsonValueKind.Null ? "null" : rate.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
