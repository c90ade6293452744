using Proposals.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Proposals.Storage;
using Proposals.Tests.Reporting.Schedule;

namespace Proposals.Tests.Storage;

public abstract class ReportRunStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly TimeSpan Lapse = TimeSpan.FromMinutes(30);
    private readonly FakeTimeProvider _clock = BeijingClock.At("2019-10-08T09:00");

    private ReportRunStore Store() => new(Database, _clock);

    [SkippableFact]
    public async Task Claim_OfANewPeriod_Succeeds_AndRecordsSending()
    {
        var claim = await Store().ClaimAsync("2019-10", Lapse);

        Assert.NotNull(claim);
        Assert.False(claim.Retried);
        var run = await Store().FindAsync("2019-10");
        Assert.Equal((ReportRunStore.Sending, claim.Lease.Owner, (DateTimeOffset?)null), (run!.State, run.LeaseOwner, run.FinishedAt));
    }

    [SkippableFact]
    public async Task SecondClaim_OfAPeriodBeingSent_GetsNothing()
    {
        Assert.NotNull(await Store().ClaimAsync("2019-10", Lapse));

        Assert.Null(await Store().ClaimAsync("2019-10", Lapse));
    }

    [SkippableFact]
    public async Task ManyClaimsAtOnce_OneWins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store().ClaimAsync("2019-10", Lapse))));

        Assert.Single(claims, c => c is not null);
    }

    [SkippableFact]
    public async Task SentPeriod_IsNeverClaimedAgain_EvenMuchLater()
    {
        var claim = await Store().ClaimAsync("2019-10", Lapse);
        Assert.True(await Store().MarkSentAsync(claim!, "250 Ok"));
        _clock.Set("2019-10-31T09:00");

        Assert.Null(await Store().ClaimAsync("2019-10", Lapse));
        var run = await Store().FindAsync("2019-10");
        Assert.Equal((ReportRunStore.Sent, "250 Ok"), (run!.State, run.Detail));
        Assert.NotNull(run.FinishedAt);
    }

    [SkippableFact]
    public async Task FailedPeriod_IsClaimedAgain_ByOneCaller()
    {
        var first = await Store().ClaimAsync("2019-10", Lapse);
        Assert.True(await Store().MarkFailedAsync(first!, "550 5.1.1 mailbox unavailable"));
        _clock.Set("2019-10-09T09:00");

        var again = await Store().ClaimAsync("2019-10", Lapse);
        var third = await Store().ClaimAsync("2019-10", Lapse);

        Assert.NotNull(again);
        Assert.True(again.Retried);
        Assert.Null(third);
        Assert.Equal(ReportRunStore.Sending, (await Store().FindAsync("2019-10"))!.State);
    }

    [SkippableFact]
    public async Task PeriodStuckInSending_IsClaimedAgainOnlyAfterTheLapse()
    {
        var dead = await Store().ClaimAsync("2019-10", Lapse);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Null(await Store().ClaimAsync("2019-10", Lapse));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var taken = await Store().ClaimAsync("2019-10", Lapse);

        Assert.NotNull(taken);
        // The process that died and came back cannot overwrite the newer claim's outcome.
        Assert.False(await Store().MarkSentAsync(dead!, "250 late"));
        Assert.True(await Store().MarkSentAsync(taken, "250 Ok"));
        Assert.Equal("250 Ok", (await Store().FindAsync("2019-10"))!.Detail);
    }

    [SkippableFact]
    public async Task Periods_AreIndependent()
    {
        Assert.NotNull(await Store().ClaimAsync("2019-10", Lapse));

        Assert.NotNull(await Store().ClaimAsync("2018-annual", Lapse));
        Assert.NotNull(await Store().ClaimAsync("2019-11", Lapse));
        Assert.Null(await Store().FindAsync("2019-12"));
    }
}
