using Proposals.Domain.Rates;

namespace Proposals.Tests.Reporting;

public sealed class PercentFacts
{
    [Theory]
    [InlineData(1.0, "100%")]
    [InlineData(0.95, "95%")]
    [InlineData(0.875, "87.5%")]
    [InlineData(0.5, "50%")]
    [InlineData(0.0, "0%")]
    [InlineData(5.0 / 6, "83.33%")]
    [InlineData(2.0 / 3, "66.67%")]
    [InlineData(1.0 / 3, "33.33%")]
    [InlineData(0.12345, "12.35%")]
    [InlineData(0.99999, "100%")]
    [InlineData(0.0001, "0.01%")]
    public void Format_ShowsAtMostTwoDecimals_WithoutTrailingZeros(double rate, string expected) =>
        Assert.Equal(expected, Percent.Format(rate));

    [Fact]
    public void Format_ShowsDash_WhenThereIsNoRate() => Assert.Equal("—", Percent.Format(null));

    [Theory]
    [InlineData(5.0 / 6, 0.8333)]
    [InlineData(2.0 / 3, 0.6667)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.6875, 0.6875)]
    public void Round_KeepsFourDecimals(double rate, double expected) => Assert.Equal(expected, Percent.Round(rate));

    [Fact]
    public void Round_KeepsNull() => Assert.Null(Percent.Round(null));
}
