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

    //  2027 is not published (2026-12-02): its statutory holidays come from the regulation.
    //
    //   Thu 2026-12-31 | Fri Jan 1  Sat Jan 2  Sun Jan 3 | Mon 2027-01-04
    //   from           | 元旦       weekend    weekend   | 1st working day
    [Theory]
    [InlineData("2026-12-31", "--working-days", "1", "2027-01-04")]
    [InlineData("2027-02-04", "--working-days", "1", "2027-02-11")] // Feb 5 除夕 .. Feb 10 补假
    [InlineData("2027-09-30", "--working-days", "1", "2027-10-06")] // Oct 1-3 国庆节, Oct 4-5 补假
    [InlineData("2026-10-01", "--months", "3", "2027-01-04")]
    public async Task EstimatedYear_CountsTheStatutoryHolidays_AndWarnsOnStandardError(string from, string unit, string n, string expected)
    {
        var result = await _cli.RunAsync("deadline", "--from", from, unit, n);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + Environment.NewLine, result.Out);
        Assert.Equal(
            "警告: 2027年的节假日安排尚未载入, 按放假办法推算, 调休上班日未知 " +
            "(no holiday schedule loaded for 2027: holidays estimated from the regulation, working weekend days unknown; load it with `proposals calendar import FILE`)" + Environment.NewLine,
            result.Error);
    }

    [Fact]
    public async Task YearBefore2025WithoutSchedule_CountsWeekendsOnly_AndSaysSo()
    {
        var result = await _cli.RunAsync("deadline", "--from", "2017-09-29", "--working-days", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2017-10-02" + Environment.NewLine, result.Out);
        Assert.Contains("2017年的节假日安排尚未载入, 只按周末计算", result.Error);
        Assert.Contains("counting weekends only", result.Error);
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
