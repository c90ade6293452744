using Proposals.Storage;
using Proposals.Worker.Import;

namespace Proposals.Tests.Import;

public sealed class RenumberingTests
{
    [Theory]
    [InlineData("12", false, new[] { 4 }, new[] { "0012" })]
    [InlineData("12", false, new[] { 3, 4, 5 }, new[] { "012", "0012", "00012" })]
    [InlineData("12", true, new int[0], new string[0])]
    [InlineData("0012", true, new int[0], new[] { "12" })]
    [InlineData("0012", true, new[] { 3, 4 }, new[] { "12", "012" })]
    [InlineData("0012", false, new[] { 4 }, new string[0])]
    [InlineData("123", false, new[] { 2, 3 }, new string[0])]
    [InlineData("000", true, new[] { 4 }, new string[0])]
    [InlineData("A7", true, new[] { 3 }, new[] { "0A7" })]
    public void Variants_AreTheStoredShapesOfTheSameNumberWithOtherLeadingZeros(string number, bool anyWithout, int[] lengths, string[] expected)
    {
        Assert.Equal(expected, Renumbering.Variants(number, new StoredNumbers(anyWithout, lengths)));
    }
}
