namespace Proposals.Tests.Cli;

public sealed class DeadlineCommandTests
{
    private readonly Infrastructure.Cli _cli = new(new Dictionary<string, string?> { ["ConnectionStrings:Proposals"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "proposals-deadline-none", "absent.db") });

    [Theory]
    [InlineData("2019-07-01", "--months", "3", "2019-10-08")]
    [InlineData("2019-09-27", "--working-days", "1", "2019-09-29")]
    [InlineData("2019-09-27", "--working-days", "2", "2019-09-30")]
    [InlineData("2019-09-30", "--working-days", "1", "2019-10-08")]
    [InlineData("2019-11-30", "--months", "3", "2020-03-02")]
    [InlineData("2026-01-30", "--months", "1", "2026-02-28")] // a Saturday declared a working day (Spring Festival 2026)
    [InlineData("2019/7/1", "--months", "3", "2019-10-08")]
    public async Task PrintsTheDueDate_AndNothingElse(string from, string unit, string n, string expected)
    {
        var result = await _cli.RunAsync("deadline", "--from", from, unit, n);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + Environment.NewLine, result.Out);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task YearWithoutSchedule_StillAnswers_AndWarnsOnStandardError()
    {
        var result = await _cli.RunAsync("deadline", "--from", "2027-09-30", "--working-days", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2027-10-01" + Environment.NewLine, result.Out);
        Assert.Contains("2027", result.Error);
    }

    [Theory]
    [InlineData("--from", "2019-02-30", "--months", "3")]
    [InlineData("--from", "2019-07-01")]
    [InlineData("--from", "2019-07-01", "--months", "3", "--working-days", "2")]
    [InlineData("--from", "2019-07-01", "--months", "-1")]
    public async Task BadInput_ExitsWith2_WithAMessage(params string[] args)
    {
        var result = await _cli.RunAsync(["deadline", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.NotEqual("", result.Error.Trim());
    }
}
