using Proposals.Domain.Ledger;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Ledger;

public sealed class ItemStatusFacts
{
    [Theory]
    // replied, extended to, returned, satisfaction, acknowledged, as of, expected
    [InlineData(null, null, false, null, null, "2019-05-01", ItemStatus.Assigned)]
    [InlineData(null, null, false, null, "2019-03-22", "2019-05-01", ItemStatus.Acknowledged)]
    [InlineData(null, null, false, null, "2019-05-02", "2019-05-01", ItemStatus.Assigned)]
    [InlineData(null, "2019-08-20", false, null, "2019-03-22", "2019-05-01", ItemStatus.Extended)]
    [InlineData("2019-06-01", null, false, null, null, "2019-06-01", ItemStatus.Replied)]
    [InlineData("2019-06-01", null, false, null, null, "2019-05-31", ItemStatus.Assigned)]
    [InlineData("2019-06-01", null, false, Satisfaction.Satisfied, null, "2019-07-01", ItemStatus.Evaluated)]
    [InlineData("2019-06-01", null, false, Satisfaction.BasicallySatisfied, null, "2019-07-01", ItemStatus.Evaluated)]
    [InlineData("2019-06-01", null, false, Satisfaction.Dissatisfied, null, "2019-07-01", ItemStatus.ReHandling)]
    [InlineData("2019-06-01", "2019-08-20", false, null, null, "2019-07-01", ItemStatus.Replied)]
    [InlineData(null, null, true, null, null, "2019-05-01", ItemStatus.Returned)]
    [InlineData("2019-06-01", null, true, Satisfaction.Satisfied, null, "2019-07-01", ItemStatus.Returned)]
    public void StatusOn_FollowsFromTheRecordedFacts(
        string? replied, string? extendedTo, bool returned, Satisfaction? satisfaction, string? acknowledged, string asOf, ItemStatus expected)
    {
        var item = Make("0012", "2019-03-20", "2019-06-20", replied: replied, extendedTo: extendedTo, returned: returned, satisfaction: satisfaction) with
        {
            AcknowledgedOn = acknowledged is null ? null : D(acknowledged),
        };

        Assert.Equal(expected, item.StatusOn(D(asOf)));
    }

    [Theory]
    [InlineData(null, null, "2019-06-20", false)]
    [InlineData(null, null, "2019-06-21", true)]
    [InlineData(null, "2019-08-20", "2019-07-01", false)]
    [InlineData(null, "2019-08-20", "2019-08-21", true)]
    [InlineData("2019-06-25", null, "2019-06-24", true)]
    [InlineData("2019-06-25", null, "2019-06-25", false)]
    public void IsOverdue_CountsTheDueDateInForce(string? replied, string? extendedTo, string asOf, bool expected)
    {
        var item = Make("1", "2019-03-20", "2019-06-20", replied: replied, extendedTo: extendedTo);

        Assert.Equal(expected, item.IsOverdue(D(asOf)));
    }

    [Theory]
    [InlineData("npc", ItemKind.Npc)]
    [InlineData("建议", ItemKind.Npc)]
    [InlineData("代表建议", ItemKind.Npc)]
    [InlineData(" CPPCC ", ItemKind.Cppcc)]
    [InlineData("提案", ItemKind.Cppcc)]
    [InlineData("议案", null)]
    [InlineData("", null)]
    public void Kind_ReadsCodesAndChineseWords(string text, ItemKind? expected) => Assert.Equal(expected, ItemKinds.Parse(text));
}
