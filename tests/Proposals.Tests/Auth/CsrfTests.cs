using System.Net;

namespace Proposals.Tests.Auth;

/// <summary>
/// A signed-in coordinator's browser posts whatever a page sends it to post; without the token that
/// only the dashboard's own pages carry, the dashboard refuses the post and changes nothing.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class CsrfTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Fact]
    public async Task CoordinatorPost_WithoutTheAntiforgeryToken_IsRefused_AndTheJobIsUntouched()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);
        var before = Host.LastJobOf(SignInHost.TestJob);

        using var response = await client.TriggerAsync(SignInHost.TestJob, antiforgery: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, Host.LastJobOf(SignInHost.TestJob));
    }

    [Fact]
    public async Task CoordinatorPost_WithAnotherUsersToken_IsRefused_AndTheJobIsUntouched()
    {
        using var viewer = Host.Client();
        await viewer.SignInOrFailAsync(SignInHost.Viewer);
        var (header, viewersToken) = await viewer.DashboardTokenAsync();
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);
        var before = Host.LastJobOf(SignInHost.TestJob);

        using var response = await client.TriggerAsync(SignInHost.TestJob, (header, viewersToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, Host.LastJobOf(SignInHost.TestJob));
    }
}
