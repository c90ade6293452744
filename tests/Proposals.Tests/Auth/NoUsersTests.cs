using System.Net;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>With no users configured the worker behaves as before sign-in: the dashboard for this machine only.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class NoUsersTests : IAsyncLifetime
{
    private SignInHost? _host;

    private SignInHost Host => _host!;

    public async Task InitializeAsync() => _host = await SignInHost.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task TheDashboard_AnswersThisMachine_WithoutSigningIn()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("recurring/trigger", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void TheStartupLog_SaysSo_InOneLine()
    {
        var lines = Host.Log.Lines.Where(l => l.Message.Contains("Auth:Users", StringComparison.Ordinal)).ToList();

        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("No users in Auth:Users: sign-in is off and the dashboard answers requests from this machine only (ops/DEPLOYMENT.md says how to add users).", line.Message);
    }

    [Fact]
    public async Task Ready_ShowsItsChecks_AsBefore()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/health/ready");

        Assert.Contains("\"checks\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_SaysSignInIsOff()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/login");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("看板只接受本机访问", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ForeignHost_StillGets400()
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Host = "rebind.attacker.example";

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("192.0.2.10", false)]
    public void TheDashboardFilter_IsTheLocalOnlyRule(string remote, bool allowed)
    {
        var http = new DefaultHttpContext { RequestServices = Host.App.Services };
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = System.Net.IPAddress.Parse("192.0.2.1");
        using var storage = new InMemoryStorage();
        var context = new AspNetCoreDashboardContext(storage, new Hangfire.DashboardOptions(), http);

        Assert.Equal(allowed, new DashboardAccess().Authorize(context));
        Assert.False(DashboardAccess.IsReadOnly(context));
    }
}
