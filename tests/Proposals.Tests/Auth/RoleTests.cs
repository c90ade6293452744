using System.Net;

namespace Proposals.Tests.Auth;

/// <summary>The coordinator acts on jobs; a viewer sees everything and the server refuses its changes.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class RoleTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Fact]
    public async Task Coordinator_TriggersARecurringJob()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);
        var antiforgery = await client.DashboardTokenAsync();
        var before = Host.LastJobOf(SignInHost.TestJob);

        using var response = await client.TriggerAsync(SignInHost.TestJob, antiforgery);

        Assert.True(response.StatusCode == HttpStatusCode.NoContent, Host.Errors());
        Assert.NotEqual(before, Host.LastJobOf(SignInHost.TestJob));
        Assert.NotNull(Host.LastJobOf(SignInHost.TestJob));
    }

    [Fact]
    public async Task Viewer_PostingATrigger_Gets403_AndTheJobIsUntouched()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);
        var antiforgery = await client.DashboardTokenAsync();
        var before = Host.LastJobOf(SignInHost.TestJob);

        using var response = await client.TriggerAsync(SignInHost.TestJob, antiforgery);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, Host.LastJobOf(SignInHost.TestJob));
        Assert.Contains("只读账户", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/hangfire/jobs/failed/delete")]
    [InlineData("/hangfire/jobs/failed/requeue")]
    [InlineData("/hangfire/recurring/remove")]
    [InlineData("/hangfire/reminders/resend")]
    [InlineData("/anything/else")]
    public async Task Viewer_PostingAnywhere_Gets403(string path)
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);
        var antiforgery = await client.DashboardTokenAsync();

        using var response = await client.PostFormAsync(path, [new("jobs[]", SignInHost.TestJob)], antiforgery);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_SeesTheRecurringJobs_WithoutTheButtons()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);

        using var page = await client.GetAsync("/hangfire/recurring");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(SignInHost.TestJob, html);
        Assert.DoesNotContain("recurring/trigger", html);
    }

    [Fact]
    public async Task Coordinator_SeesTheButtons()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);

        using var page = await client.GetAsync("/hangfire/recurring");

        Assert.Contains("recurring/trigger", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Viewer_MayStillPollTheStatistics()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);
        var antiforgery = await client.DashboardTokenAsync("/hangfire");

        using var response = await client.PostFormAsync("/hangfire/stats", [new("metrics[]", "enqueued:count")], antiforgery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_MaySignOut()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);
        var token = await client.LogoutTokenAsync();

        using var response = await client.PostFormAsync("/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(client.HasSession);
    }
}
