using Proposals.Domain.Ledger;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Ledger;

/// <summary>Which division answers for what on an item as it is assigned now, before and after a re-import changes it.</summary>
public class AssignmentFacts
{
    // Assigned 2026-09-02, due 2026-12-02, lead 银行保险处, co-division 金融服务处.
    private static Item Before => Make("0012", "2026-09-02", "2026-12-02", lead: "银行保险处", co: ["金融服务处"]);

    // Re-imported: 金融服务处 leads, 综合处 is the co-division, 银行保险处 is gone.
    private static Item After => Before with { LeadDivision = "金融服务处", CoDivisions = ["综合处"] };

    public static TheoryData<string, string, FactKind, string> Cases => new()
    {
        { "before", "银行保险处", FactKind.Acknowledgement, "" },
        { "before", "银行保险处", FactKind.Reply, "" },
        { "before", "银行保险处", FactKind.CoInput, "银行保险处 现在不是此事项的协办处室, 此事项由 银行保险处 主办 (银行保险处 is not a co-division of the item now; 银行保险处 leads it)" },
        { "before", "金融服务处", FactKind.Acknowledgement, "" },
        { "before", "金融服务处", FactKind.CoInput, "" },
        { "before", "金融服务处", FactKind.Reply, "此事项现由 银行保险处 主办并答复, 金融服务处 不登记答复 (the item is handled by 银行保险处 now, which replies; 金融服务处 does not)" },
        { "after", "银行保险处", FactKind.Reply, "此事项现由 金融服务处 主办并答复, 银行保险处 不登记答复 (the item is handled by 金融服务处 now, which replies; 银行保险处 does not)" },
        { "after", "银行保险处", FactKind.Acknowledgement, "银行保险处 现在不是此事项的主办或协办处室, 此事项由 金融服务处 主办 (银行保险处 does not handle the item now; 金融服务处 leads it)" },
        { "after", "金融服务处", FactKind.Reply, "" },
        { "after", "金融服务处", FactKind.Acknowledgement, "" },
        { "after", "金融服务处", FactKind.CoInput, "金融服务处 现在不是此事项的协办处室, 此事项由 金融服务处 主办 (金融服务处 is not a co-division of the item now; 金融服务处 leads it)" },
        { "after", "综合处", FactKind.CoInput, "" },
        { "after", "综合处", FactKind.Acknowledgement, "" },
        { "after", "综合处", FactKind.Reply, "此事项现由 金融服务处 主办并答复, 综合处 不登记答复 (the item is handled by 金融服务处 now, which replies; 综合处 does not)" },
        // The coordinator's facts are no division's answer: never refused here, whoever is named.
        { "after", "银行保险处", FactKind.Return, "" },
        { "after", "银行保险处", FactKind.Extension, "" },
        { "after", "银行保险处", FactKind.Evaluation, "" },
        { "after", "银行保险处", FactKind.Publication, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ADivisionAnswersOnlyForWhatItIsAssigned(string when, string division, FactKind kind, string refusal)
    {
        var item = when == "before" ? Before : After;

        Assert.Equal(refusal, Assignment.Refusal(item, division, kind) ?? "");
    }
}
