using Proposals.Domain.Ledger;
using Proposals.Worker.Import;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Import;

/// <summary>The fact columns an import compares, and the one-copy path for a row that says nothing new.</summary>
public class FactColumnsFacts
{
    private static readonly Item Bare = Make("0012", "2019-07-01", "2019-10-08", co: ["综合处"]);

    private static readonly Item Full = Bare with
    {
        AcknowledgedOn = D("2019-07-02"), RepliedOn = D("2019-09-30"), ReplyClass = ReplyClass.B, Satisfaction = Satisfaction.Dissatisfied,
        EvaluatedOn = D("2019-10-05"), RerepliedOn = D("2019-10-20"), SecondSatisfaction = Satisfaction.Satisfied, PublishedOn = D("2019-10-25"),
        Extension = new Extension(D("2019-11-29"), "涉及多部门协调", D("2019-09-20"), "市人大代表工委", D("2019-10-08")),
        ReturnedOn = D("2019-07-03"), ReturnReason = "不属本单位职责", ReturnDecision = ReturnDecision.Refused, ReturnDecidedOn = D("2019-07-08"),
        ReturnDecidedBy = "市人大代表工委", CoInputs = [new CoInput("综合处", D("2019-07-25"))],
    };

    [Fact]
    public void AllFrom_CopiesEveryPartOfEveryColumn_AsTheColumnsCopyThem()
    {
        var one = FactColumn.AllFrom(Bare, Full);
        var each = FactColumn.All.Aggregate(Bare, (item, column) => column.CopyFrom(item, Full)) with { CoInputs = Full.CoInputs };

        Assert.Equal(each, one);
        Assert.All(FactColumn.All, column => Assert.Equal(column.Parts(Full), column.Parts(one)));
    }

    [Theory]
    [InlineData("nothing", true)]
    [InlineData("the same reply", true)]
    [InlineData("another reply class", false)]
    [InlineData("a co-division's input the ledger lacks", false)]
    [InlineData("a publication the ledger lacks", false)]
    public void SaysNothingNew_WhenEveryPartTheFileGivesIsTheLedgers(string file, bool nothingNew)
    {
        var stored = Bare with { RepliedOn = D("2019-09-30"), ReplyClass = ReplyClass.B };
        var row = file switch
        {
            "nothing" => Bare,
            "the same reply" => Bare with { RepliedOn = D("2019-09-30"), ReplyClass = ReplyClass.B },
            "another reply class" => Bare with { RepliedOn = D("2019-09-30"), ReplyClass = ReplyClass.A },
            "a co-division's input the ledger lacks" => Bare with { CoInputs = [new CoInput("综合处", D("2019-07-25"))] },
            _ => Bare with { PublishedOn = D("2019-10-10") },
        };

        Assert.Equal(nothingNew, FactColumn.SaysNothingNew(row, stored));
    }
}
