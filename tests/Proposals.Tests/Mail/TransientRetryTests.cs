using Proposals.Mail;

namespace Proposals.Tests.Mail;

public sealed class TransientRetryTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(5, 30)]
    [InlineData(8, 240)]
    [InlineData(50, 240)]
    public void DelayAfter_FollowsTheSchedule_ThenRepeatsItsLastDelay(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), TransientRetry.Default.DelayAfter(failures));

    [Fact]
    public void DelaysInSeconds_AreWhatHangfireTakes() =>
        Assert.Equal([60, 120, 300, 600, 1800, 3600, 7200, 14400], TransientRetry.Default.DelaysInSeconds());

    [Fact]
    public void Constructor_RefusesAnEmptyOrNonPositiveSchedule()
    {
        Assert.Throws<ArgumentException>(() => new TransientRetry([]));
        Assert.Throws<ArgumentException>(() => new TransientRetry([1, 0]));
    }
}
