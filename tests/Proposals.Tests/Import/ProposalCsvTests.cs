using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

public sealed class ProposalCsvTests
{
    private static ImportResult<Item> Read(string name) =>
        ProposalFile.Read(Fixture(name), Divisions, TestCalendar, TimeLimits.Default);

    [Theory]
    [InlineData("proposals-utf8-bom.csv")]
    [InlineData("proposals-utf8.csv")]
    [InlineData("proposals-gb18030.csv")]
    public void Read_GivesEveryRow_InEachEncodingExcelSaves(string name)
    {
        var result = Read(name);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(["0012", "0045", "0046"], result.Rows.Select(i => i.Key.Number));

        var first = result.Rows[0];
        Assert.Equal(new ItemKey(ItemKind.Npc, "十五届二次", "0012"), first.Key);
        Assert.Equal("关于小微企业融资的建议", first.Title);
        Assert.Equal("金融服务处", first.LeadDivision);
        Assert.Equal(["银行保险处", "法规处", "综合处"], first.CoDivisions);
        Assert.Equal(D("2019-07-01"), first.AssignedOn);
        // 2019-10-01 is National Day: the 3-month limit runs to the next working day.
        Assert.Equal(D("2019-10-08"), first.DueOn);
        Assert.Equal(D("2019-08-01"), first.CoInputDueOn);
        Assert.Equal(D("2019-07-03"), first.AcknowledgedOn);
        Assert.Equal(D("2019-09-20"), first.RepliedOn);
        Assert.Equal(ReplyClass.A, first.ReplyClass);
        Assert.Equal(Satisfaction.Satisfied, first.Satisfaction);
        Assert.True(first.IsKey);
        Assert.False(first.IsReturned);
        Assert.Null(first.Extension);
    }

    [Fact]
    public void Read_KeepsQuotedCommasAndLineBreaks_AndTrimsFullWidthSpaces()
    {
        var item = Read("proposals-utf8-bom.csv").Rows[1];

        Assert.Equal(ItemKind.Cppcc, item.Key.Kind);
        Assert.Equal("关于防范非法集资, 加强宣传的提案（续）", item.Title);
        Assert.Equal("李秀梅,张志强", item.Proposer);
        Assert.Equal("综合处", item.LeadDivision);
        Assert.Empty(item.CoDivisions);
        Assert.Equal(D("2019-03-20"), item.AssignedOn);
        Assert.Equal(D("2019-06-20"), item.DueOn);
        Assert.Equal(new Extension(D("2019-08-20"), "情况复杂\n需协调"), item.Extension);
        Assert.Null(item.RepliedOn);
    }

    [Fact]
    public void Read_CountsRowsAsExcelShowsThem_ReturnedFlagAndComputedDueOnTheRowAfterABlankOne()
    {
        var item = Read("proposals-utf8-bom.csv").Rows[2];

        Assert.True(item.IsReturned);
        Assert.Equal(D("2019-06-20"), item.DueOn);
        Assert.Equal(D("2019-04-22"), item.CoInputDueOn);
    }

    [Fact]
    public void Read_NotesTheIgnoredColumns()
    {
        var result = Read("proposals-utf8-bom.csv");

        Assert.Contains(result.Notes, n => n.Contains("\"备注\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AcceptsEnglishHeadersInAnyOrderAndCase()
    {
        var result = Read("proposals-english.csv");

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Empty(result.Notes);
        var (npc, cppcc) = (result.Rows[0], result.Rows[1]);
        Assert.Equal(new ItemKey(ItemKind.Npc, "十五届二次", "0003"), npc.Key);
        Assert.Equal(["银行保险处", "法规处"], npc.CoDivisions);
        Assert.Equal(ReplyClass.B, npc.ReplyClass);
        Assert.Equal(Satisfaction.BasicallySatisfied, npc.Satisfaction);
        Assert.True(npc.IsKey);
        Assert.Equal("王一", npc.Proposer);
        Assert.Equal(new ItemKey(ItemKind.Cppcc, "十四届二次", "7"), cppcc.Key);
        Assert.Equal(D("2019-06-28"), cppcc.DueOn);
        Assert.True(cppcc.IsKey);
        Assert.False(cppcc.IsReturned);
        Assert.Equal("", cppcc.Proposer);
    }

    [Fact]
    public void Read_HonoursOtherTimeLimits()
    {
        var result = ProposalFile.Read(Fixture("proposals-utf8.csv"), Divisions, TestCalendar, new TimeLimits(ReplyMonths: 2, CoInputMonths: 2));

        Assert.Equal(D("2019-09-02"), result.Rows[0].DueOn);
        Assert.Equal(D("2019-09-02"), result.Rows[0].CoInputDueOn);
    }
}
