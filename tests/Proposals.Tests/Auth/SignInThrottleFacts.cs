using Microsoft.Extensions.Time.Testing;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>
/// The counting itself, on a clock the test moves. Limits: 3 per name and address, 5 per address,
/// 3 per name before failed answers are slowed (a second more each, at most 10); window 15 min:
/// <code>
///   t=0  fail  t=1  fail  t=2  fail  (zonghe at 192.0.2.1)  -> refused there until t=15
///                                                          -> from 192.0.2.2: checked at once
/// </code>
/// </summary>
public sealed class SignInThrottleFacts
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle() => new(new AuthOptions
    {
        FailuresPerUser = 3, FailuresPerUserAddress = 3, FailuresPerAddress = 5, FailureWindowMinutes = 15, MaxFailureDelaySeconds = 10,
    }, _clock);

    private static void Fail(SignInThrottle throttle, string user, string address)
    {
        using var attempt = throttle.TryBegin(user, address, out _);
        Assert.NotNull(attempt);
        attempt.Failed();
    }

    private static TimeSpan RetryAfter(SignInThrottle throttle, string user, string address)
    {
        using var attempt = throttle.TryBegin(user, address, out var wait);
        return attempt is null ? wait : TimeSpan.Zero;
    }

    [Fact]
    public void BelowTheLimit_TheCheckGoesAhead()
    {
        var throttle = Throttle();
        Fail(throttle, "zonghe", "192.0.2.1");
        Fail(throttle, "zonghe", "192.0.2.1");

        Assert.Equal(TimeSpan.Zero, RetryAfter(throttle, "zonghe", "192.0.2.1"));
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(14, 1)]
    [InlineData(15, 0)]
    public void ANameAtOneAddress_IsRefusedThere_UntilTheOldestFailureLeavesTheWindow(int minutesLater, int expectedMinutes)
    {
        var throttle = Throttle();
        foreach (var _ in Enumerable.Range(0, 3)) Fail(throttle, "zonghe", "192.0.2.1");

        _clock.Advance(TimeSpan.FromMinutes(minutesLater));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), RetryAfter(throttle, "zonghe", "192.0.2.1"));
    }

    [Fact]
    public void ANameRefusedAtOneAddress_IsCheckedAtOnce_FromAnother()
    {
        var throttle = Throttle();
        foreach (var _ in Enumerable.Range(0, 3)) Fail(throttle, "zonghe", "192.0.2.1");

        Assert.NotEqual(TimeSpan.Zero, RetryAfter(throttle, "zonghe", "192.0.2.1"));
        Assert.Equal(TimeSpan.Zero, RetryAfter(throttle, "zonghe", "192.0.2.2"));
    }

    [Fact]
    public void AName_IsNeverRefused_OnlyItsFailedAnswersSlowed_UpToTheCap()
    {
        var throttle = Throttle();
        var delays = new List<double>();
        for (var i = 1; i <= 16; i++)
        {
            Fail(throttle, "ZongHe", $"192.0.2.{i}");
            delays.Add(throttle.DelayAfterFailure("zonghe").TotalSeconds);
        }

        Assert.Equal([0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10], delays);
        Assert.Equal(TimeSpan.Zero, RetryAfter(throttle, "zonghe", "192.0.2.100"));
    }

    [Fact]
    public void TheCheckAndTheCount_AreOneStep_ReservedPlacesCountAgainstTheLimit()
    {
        var throttle = Throttle();
        var running = Enumerable.Range(0, 3).Select(i => throttle.TryBegin("zonghe", "192.0.2.1", out _)).ToList();

        var fourth = throttle.TryBegin("zonghe", "192.0.2.1", out var wait);
        running[0]!.Dispose();   // the client went away before its check: the place is free, nothing counted
        var fifth = throttle.TryBegin("zonghe", "192.0.2.1", out _);

        Assert.All(running, Assert.NotNull);
        Assert.Null(fourth);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.NotNull(fifth);
        Assert.Equal(TimeSpan.Zero, throttle.DelayAfterFailure("zonghe"));
    }

    [Fact]
    public void TheSameNameInOtherCase_IsTheSameName()
    {
        var throttle = Throttle();
        Fail(throttle, "ZongHe", "192.0.2.1");
        Fail(throttle, "zonghe", "192.0.2.1");
        Fail(throttle, "ZONGHE ", "192.0.2.1");

        Assert.NotEqual(TimeSpan.Zero, RetryAfter(throttle, "zonghe", "192.0.2.1"));
    }

    [Fact]
    public void AnAddress_IsRefused_AfterItsLimit_WhateverTheNames()
    {
        var throttle = Throttle();
        foreach (var i in Enumerable.Range(0, 5)) Fail(throttle, "name" + i, "192.0.2.9");

        Assert.NotEqual(TimeSpan.Zero, RetryAfter(throttle, "someone-else", "192.0.2.9"));
        Assert.Equal(TimeSpan.Zero, RetryAfter(throttle, "someone-else", "192.0.2.10"));
    }

    [Fact]
    public void Success_ClearsTheNamesCounts_NotTheAddresses()
    {
        var throttle = Throttle();
        foreach (var i in Enumerable.Range(0, 4)) Fail(throttle, "zonghe", $"192.0.2.{i}");
        foreach (var i in Enumerable.Range(0, 4)) Fail(throttle, "other" + i, "192.0.2.9");

        using (var attempt = throttle.TryBegin("zonghe", "192.0.2.9", out _)) attempt!.Succeeded();
        Fail(throttle, "one-more", "192.0.2.9");

        Assert.Equal(TimeSpan.Zero, throttle.DelayAfterFailure("zonghe"));
        Assert.NotEqual(TimeSpan.Zero, RetryAfter(throttle, "zonghe", "192.0.2.9"));
    }
}
