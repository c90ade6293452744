using Proposals.Domain.Rates;

namespace Proposals.Tests.Reporting;

public sealed class ChineseNumeralsFacts
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("九", 9)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("两", 2)]
    [InlineData("二十一", 21)]
    [InlineData("九十九", 99)]
    [InlineData("15", 15)]
    [InlineData("07", 7)]
    [InlineData("〇", null)]
    [InlineData("0", null)]
    [InlineData("100", null)]
    [InlineData("十十", null)]
    [InlineData("一二", null)]
    [InlineData("五十五十", null)]
    [InlineData("甲", null)]
    [InlineData("", null)]
    public void Parse_ReadsOneToNinetyNine(string text, int? expected) => Assert.Equal(expected, ChineseNumerals.Parse(text));

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(99, "九十九")]
    public void Format_WritesAsTheCongressDoes(int n, string expected) => Assert.Equal(expected, ChineseNumerals.Format(n));
}
