using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Worker.Reporting;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>The shipped paragraph template, rendered for ledgers whose figures are known.</summary>
public sealed class ParagraphFacts
{
    private static readonly ParagraphRenderer Shipped = ParagraphRenderer.FromProgramFolder();

    private static string Render(IEnumerable<Item> items, int year, string asOf) =>
        Shipped.Render(YearReport.Build(items, year, D(asOf)));

    [Fact]
    public void Seeds2018_CarryTheFactsOfTheExampleReport() =>
        Assert.Equal(
            "2018年承办市十五届人大一次会议代表建议6件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的6件，占承办总数的100%。" +
            "承办市政协十四届一次会议提案3件，已全部按期办理答复完毕，办复率为100%，所提问题解决或基本解决的0件，占承办总数的0%。" +
            "建议提案答复尚无公开记录。",
            Render(Seeds2018(), 2018, "2018-12-31"));

    [Fact]
    public void AllRepliedButSomeLate_GivesTheOnTimeRate() =>
        Assert.Equal(
            "2019年承办市十五届人大二次会议代表建议2件，已全部办理答复完毕，办复率为100%，按期办复率为50%。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Item(due: "2019-06-03", replied: "2019-06-01"), Item(due: "2019-06-03", replied: "2019-06-04")], 2019, "2019-12-31"));

    [Fact]
    public void NotAllReplied_SaysHowManyWere_AndGivesBothRates() =>
        Assert.Equal(
            "2019年未承办市人大代表建议。承办市政协十五届二次会议提案3件，已办理答复2件，办复率为66.67%，按期办复率为33.33%，逾期未办复1件。建议提案答复尚无公开记录。",
            Render(
            [
                Item(ItemKind.Cppcc, due: "2019-06-03", replied: "2019-06-01"),
                Item(ItemKind.Cppcc, due: "2019-06-03", replied: "2019-06-05"),
                Item(ItemKind.Cppcc, due: "2019-06-03"),
                Item(ItemKind.Cppcc, returned: true),
            ], 2019, "2019-12-31"));

    [Fact]
    public void Evaluations_AddTheSatisfactionRate() =>
        Assert.Equal(
            "2019年承办市十五届人大二次会议代表建议3件，已全部按期办理答复完毕，办复率为100%，满意率（含基本满意）为50%；" +
            "不满意的1件正在重新办理。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render(
            [
                Item(due: "2019-06-03", replied: "2019-06-01", satisfaction: Satisfaction.Satisfied),
                Item(due: "2019-06-03", replied: "2019-06-01", satisfaction: Satisfaction.Dissatisfied),
                Item(due: "2019-06-03", replied: "2019-06-01"),
            ], 2019, "2019-12-31"));

    [Fact]
    public void NoItems_SaysSoPlainly() =>
        Assert.Equal("2019年未承办市人大代表建议和市政协委员提案。", Render([], 2019, "2019-12-31"));

    [Fact]
    public void BeforeTheYearEnd_NamesTheAsOfDate() =>
        Assert.Equal(
            "截至2019年6月30日，2019年承办市十五届人大二次会议代表建议1件，尚在办理期限内。未承办市政协委员提案。建议提案答复尚无公开记录。",
            Render([Item(due: "2019-07-31")], 2019, "2019-06-30"));

    [Fact]
    public void EditedTemplate_ChangesTheWording_NotTheNumbers()
    {
        var renderer = new ParagraphRenderer("{% for k in kinds %}{{ k.code }}={{ k.assigned }}/{{ k.replyRate }};\n{% endfor %}", "edited.liquid");
        Assert.Equal("npc=6/100%;cppcc=3/100%;", renderer.Render(YearReport.Build(Seeds2018(), 2018, D("2018-12-31"))));
    }

    // Every value an edited template of the earlier versions may use is still there, and each kind's levels beside them.
    [Fact]
    public void EditedTemplate_KeepsEveryEarlierValue_AndHasTheLevels()
    {
        string[] figures =
        [
            "code", "assigned", "replied", "repliedOnTime", "overdueOpen", "openNotDue", "evaluated", "satisfied", "basicallySatisfied",
            "dissatisfied", "classA", "classB", "classC", "classD", "returned", "returnedLate", "extended", "keyItems", "keyReplied",
            "assisting", "assistingDelivered", "handled", "rehandled", "rereplied", "published", "replyRate", "onTimeReplyRate",
            "satisfactionRate", "finalSatisfactionRate", "classARate", "none", "hasLead", "hasAssisting", "allReplied", "allOnTime",
            "noneLate", "hasOverdue", "hasOpenNotDue", "hasEvaluations", "hasRehandled", "allRereplied", "hasRereplied",
            "allAssistingDelivered", "hasAssistingDelivered", "hasPublished",
            "basicallySatisfiedRate", "finalBasicallySatisfiedRate", "solved", "solvedRate", "publishedOfYear",
        ];
        var each = string.Join("/", figures.Select(f => $"{{{{ x.{f} }}}}"));
        var text =
            "{{ year }} {{ asOf }} {{ asOfText }} {{ yearEnd }} {{ level }} {{ countBasicallySatisfied }} {{ solvedClasses }} {{ solvedClassesText }}|" +
            "{% for x in kinds %}" + each + " {{ x.sessionText }} {{ x.sessions | join: '+' }}" +
            "{% for l in x.levels %}[{{ l.level }} {{ l.sessionText }} {{ l.assigned }} {{ l.classShares.A }} {{ l.classShares.D }}]{% endfor %}|{% endfor %}" +
            "{% assign x = total %}" + each;
        var rendered = new ParagraphRenderer(text, "everything.liquid").Render(YearReport.Build(Seeds2018(), 2018, D("2018-12-31")));

        Assert.StartsWith("2018 2018-12-31 2018年12月31日 true 市 true A A|npc/6/6/6/0/0/0/", rendered);
        Assert.Contains(" 市十五届人大一次会议 市十五届人大一次会议[市 市十五届人大一次会议 6 100% 0%]|cppcc/3/", rendered);
        var total = "[市 市政协十四届一次会议 3 0% 0%]|total/9/9/9/0/0/0/0/0/0/6/3/0/0/0/0/0/0/0/0/0/9/0/0/0/100%/100%/—/—/66.67%/" +
            "false/true/false/true/true/true/false/false/false/false/false/false/false/false/false/—/—/6/66.67%/0";
        Assert.True(rendered.EndsWith(total, StringComparison.Ordinal), rendered);
    }

    [Fact]
    public void BrokenTemplate_NamesTheFileAndLine()
    {
        var e = Assert.Throws<ReportTemplateException>(() => new ParagraphRenderer("第一行\n第二行\n{% if kinds %}没有结束", "paragraph.liquid"));
        Assert.Equal("paragraph.liquid", e.Source);
        Assert.StartsWith("paragraph.liquid, line ", e.Message);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void MisspeltVariable_FailsInsteadOfPrintingNothing()
    {
        var renderer = new ParagraphRenderer("{{ kinds[0].asigned }}件", "typo.liquid");
        var e = Assert.Throws<ReportTemplateException>(() => renderer.Render(YearReport.Build([], 2019, D("2019-12-31"))));
        Assert.StartsWith("typo.liquid", e.Message);
    }

    [Fact]
    public void UnknownFilter_FailsInsteadOfPassingTheValueThrough()
    {
        var renderer = new ParagraphRenderer("{{ year | percent }}", "filter.liquid");
        var e = Assert.Throws<ReportTemplateException>(() => renderer.Render(YearReport.Build([], 2019, D("2019-12-31"))));
        Assert.StartsWith("filter.liquid", e.Message);
    }

    [Fact]
    public void EditedTemplateFile_IsTheOneUsed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paragraph-{Guid.NewGuid():N}.liquid");
        File.WriteAllText(path, "{{ year }}年共承办{{ total.assigned }}件,办复率{{ total.replyRate }}。");
        try
        {
            Assert.Equal("2018年共承办9件,办复率100%。", ParagraphRenderer.FromFile(path).Render(YearReport.Build(Seeds2018(), 2018, D("2018-12-31"))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingTemplateFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.liquid");
        var e = Assert.Throws<ReportTemplateException>(() => ParagraphRenderer.FromFile(path));
        Assert.Contains(path, e.Message);
    }
}
