using System.Net;
using System.Text.Json;

namespace Proposals.Tests.Auth;

/// <summary>/health stays open with the status alone; /health/ready shows its checks to signed-in users only.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class HealthAccessTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Fact]
    public async Task Live_AnswersAStranger_WithTheStatusAlone()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_AnswersAStranger_WithTheStatusAlone()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("status", Assert.Single(body.RootElement.EnumerateObject()).Name);
    }

    [Fact]
    public async Task Ready_ShowsTheChecks_ToASignedInUser()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);

        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var names = body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order();
        Assert.Equal(["calendar", "database", "jobs", "mail", "reminders"], names);
    }
}
