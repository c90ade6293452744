using Proposals.Worker.Cli;

namespace Proposals.Tests.Reporting.Schedule;

/// <summary><c>report send</c> refuses periods and dates that make no sense, before anything is claimed or sent.</summary>
public sealed class ReportSendInputTests
{
    [Theory]
    [InlineData("--period 2019-13", "--period")]
    [InlineData("--period 2019-11", "not due before 2019-11-01")]
    [InlineData("--period 2019-annual", "not due before 2020-01-01")]
    [InlineData("--period 2018-annual --as-of 2019-06-30", "always as of 31 December")]
    [InlineData("--as-of 2019-10-09", "after today")]
    [InlineData("--period 2019-10 --as-of 2019-09-30", "before the period's month")]
    public async Task Send_RefusesBadInput_SayingWhy(string args, string why)
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:30");

        var error = await Assert.ThrowsAsync<UserInputException>(() => scenario.SendAsync(25, args.Split(' ')));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Null(await scenario.RunAsync("2019-10"));
    }
}
