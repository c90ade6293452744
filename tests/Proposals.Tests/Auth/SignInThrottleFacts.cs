using Microsoft.Extensions.Time.Testing;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>
/// The counting itself, on a clock the test moves. Limit 3 per name, 5 per address, window 15 min:
/// <code>
///   t=0  fail  t=1  fail  t=2  fail   -> refused until t=15 (the first failure leaves the window)
/// </code>
/// </summary>
public sealed class SignInThrottleFacts
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle() => new(new AuthOptions { FailuresPerUser = 3, FailuresPerAddress = 5, FailureWindowMinutes = 15 }, _clock);

    [Fact]
    public void RetryAfter_IsZero_BelowTheLimit()
    {
        var throttle = Throttle();
        throttle.Failed("zonghe", "192.0.2.1");
        throttle.Failed("zonghe", "192.0.2.1");

        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("zonghe", "192.0.2.1"));
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(14, 1)]
    [InlineData(15, 0)]
    public void RetryAfter_CountsFromTheOldestFailureInTheWindow(int minutesLater, int expectedMinutes)
    {
        var throttle = Throttle();
        foreach (var _ in Enumerable.Range(0, 3)) throttle.Failed("zonghe", "192.0.2.1");

        _clock.Advance(TimeSpan.FromMinutes(minutesLater));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), throttle.RetryAfter("zonghe", "192.0.2.2"));
    }

    [Fact]
    public void RetryAfter_Waits_ForEnoughFailuresToLeave()
    {
        var throttle = Throttle();
        throttle.Failed("zonghe", "192.0.2.1");
        _clock.Advance(TimeSpan.FromMinutes(5));
        throttle.Failed("zonghe", "192.0.2.1");
        throttle.Failed("zonghe", "192.0.2.1");

        _clock.Advance(TimeSpan.FromMinutes(10));

        // The first failure has left; two remain, under the limit of three.
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("zonghe", "192.0.2.1"));
    }

    [Fact]
    public void Names_AreCountedWithoutRegardToCase()
    {
        var throttle = Throttle();
        throttle.Failed("ZongHe", "192.0.2.1");
        throttle.Failed("zonghe", "192.0.2.2");
        throttle.Failed("ZONGHE ", "192.0.2.3");

        Assert.NotEqual(TimeSpan.Zero, throttle.RetryAfter("zonghe", "192.0.2.4"));
    }

    [Fact]
    public void Address_IsRefused_AfterItsLimit_WhateverTheNames()
    {
        var throttle = Throttle();
        foreach (var i in Enumerable.Range(0, 5)) throttle.Failed("name" + i, "192.0.2.9");

        Assert.NotEqual(TimeSpan.Zero, throttle.RetryAfter("someone-else", "192.0.2.9"));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone-else", "192.0.2.10"));
    }

    [Fact]
    public void Success_ClearsTheName_NotTheAddress()
    {
        var throttle = Throttle();
        foreach (var i in Enumerable.Range(0, 5)) throttle.Failed("zonghe", "192.0.2.9");

        throttle.Succeeded("zonghe");

        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("zonghe", "192.0.2.1"));
        Assert.NotEqual(TimeSpan.Zero, throttle.RetryAfter("zonghe", "192.0.2.9"));
    }
}
