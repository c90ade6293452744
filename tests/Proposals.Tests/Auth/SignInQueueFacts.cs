using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>One password check at a time per name: a second check for the name waits its turn, another name does not.</summary>
public sealed class SignInQueueFacts
{
    [Fact]
    public async Task ASecondCheckForTheName_WaitsForTheFirst_AnotherNameGoesAhead()
    {
        var queue = new SignInQueue();
        var first = await queue.EnterAsync("zonghe", CancellationToken.None);

        var second = queue.EnterAsync("ZongHe ", CancellationToken.None);
        var other = queue.EnterAsync("guancha", CancellationToken.None);
        await Task.Delay(50);

        Assert.False(second.IsCompleted);
        Assert.True(other.IsCompletedSuccessfully);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await other).Dispose();
    }

    [Fact]
    public async Task AWaitGivenUp_LeavesTheQueueUsable()
    {
        var queue = new SignInQueue();
        var first = await queue.EnterAsync("zonghe", CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var abandoned = queue.EnterAsync("zonghe", giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        first.Dispose();

        (await queue.EnterAsync("zonghe", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
