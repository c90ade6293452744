using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

public sealed class LedgerDateTests
{
    [Theory]
    [InlineData("2019-03-20", "2019-03-20")]
    [InlineData("2019/3/20", "2019-03-20")]
    [InlineData("2019.3.20", "2019-03-20")]
    [InlineData("2019年3月20日", "2019-03-20")]
    [InlineData("2019 年 3 月 20 日", "2019-03-20")]
    [InlineData("2019/3/20 0:00", "2019-03-20")]
    [InlineData("\u30002020-02-29\u3000", "2020-02-29")]
    public void TryRead_ReadsTheWaysLedgersWriteDates(string text, string expected)
    {
        Assert.True(LedgerDate.TryRead(text, out var date));
        Assert.Equal(D(expected), date);
    }

    [Theory]
    [InlineData("2019-02-30")]
    [InlineData("2019-02-29")]
    [InlineData("2019-13-01")]
    [InlineData("2019-04-31")]
    [InlineData("2019-00-10")]
    [InlineData("20190320")]
    [InlineData("3/20/2019")]
    [InlineData("43544")]
    [InlineData("下周")]
    public void TryRead_Refuses_ImpossibleOrUnknownDates(string text)
    {
        Assert.False(LedgerDate.TryRead(text, out _));
    }

    [Theory]
    [InlineData(43544.0, "2019-03-20")]
    [InlineData(43544.75, "2019-03-20")]
    [InlineData(43647.0, "2019-07-01")]
    public void TryRead_ReadsExcelSerialNumbers_FromNumericCells(double serial, string expected)
    {
        Assert.True(LedgerDate.TryRead(serial, out var date));
        Assert.Equal(D(expected), date);
    }

    [Fact]
    public void TryRead_ReadsARealExcelDate()
    {
        Assert.True(LedgerDate.TryRead(new DateTime(2019, 3, 20, 0, 0, 0, DateTimeKind.Unspecified), out var date));
        Assert.Equal(D("2019-03-20"), date);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("否", false)]
    [InlineData("N", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("是", true)]
    [InlineData("Yes", true)]
    [InlineData("y", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    public void YesNo_ReadsTheUsualWords(string text, bool expected)
    {
        Assert.Equal(expected, YesNo.Parse(text));
    }

    [Theory]
    [InlineData("银行保险处;法规处", new[] { "银行保险处", "法规处" })]
    [InlineData("银行保险处；法规处、综合处", new[] { "银行保险处", "法规处", "综合处" })]
    [InlineData("银行保险处, 法规处，综合处", new[] { "银行保险处", "法规处", "综合处" })]
    [InlineData("银行保险处\n法规处\n银行保险处", new[] { "银行保险处", "法规处" })]
    [InlineData(" ", new string[0])]
    public void DivisionNames_SplitOnEveryUsualSeparator(string text, string[] expected)
    {
        Assert.Equal(expected, DivisionNames.Split(text));
    }
}
