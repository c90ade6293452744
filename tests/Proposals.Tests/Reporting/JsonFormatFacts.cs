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
}
