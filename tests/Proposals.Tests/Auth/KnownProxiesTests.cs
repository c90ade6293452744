using System.Net;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Hosting;

namespace Proposals.Tests.Auth;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed from Dashboard:KnownProxies only: by default
/// from nobody, not even a program on this machine, which says so once in the log.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class KnownProxiesTests
{
    private static Dictionary<string, string?> Settings(string knownProxies, bool users = true)
    {
        var settings = users ? SignInHost.WithUsers() : [];
        settings["Dashboard:KnownProxies"] = knownProxies;
        return settings;
    }

    [Fact]
    public async Task WithNoKnownProxies_ALoopbackClientCannotChooseItsAddress_AndTheWorkerWarnsOnce()
    {
        await using var host = await SignInHost.StartAsync(Settings(""));
        using var client = host.Client();
        client.ForwardedFor = "203.0.113.9";

        using var first = await client.SignInAsync("stranger", "guess");
        using var second = await client.SignInAsync("stranger", "guess");

        Assert.Equal(2, host.Log.Lines.Count(l => l.Message == "Failed sign-in as 'stranger' from 127.0.0.1."));
        Assert.DoesNotContain(host.Log.Lines, l => l.Message.Contains("203.0.113.9", StringComparison.Ordinal));
        var warning = Assert.Single(host.Log.Lines, l => l.Message.Contains("Dashboard:KnownProxies is empty", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("转发头来自 127.0.0.1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNoKnownProxies_XForwardedProto_DoesNotMakeTheCookieSecure()
    {
        await using var host = await SignInHost.StartAsync(Settings(""));
        using var client = host.Client();
        var token = await client.LoginTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = SignInHost.Viewer,
                ["password"] = SignInHost.PasswordOf(SignInHost.Viewer),
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.Http.SendAsync(request);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("proposals-session=", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AProxyOutsideTheList_IsNotBelieved_ARangeInItIs()
    {
        await using var elsewhere = await SignInHost.StartAsync(Settings("10.0.0.0/8"));
        await using var range = await SignInHost.StartAsync(Settings("192.0.2.1;127.0.0.0/8"));
        using var first = elsewhere.Client();
        using var second = range.Client();
        first.ForwardedFor = second.ForwardedFor = "198.51.100.7";

        using var a = await first.SignInAsync("stranger", "guess");
        using var b = await second.SignInAsync("stranger", "guess");

        Assert.Contains(elsewhere.Log.Lines, l => l.Message == "Failed sign-in as 'stranger' from 127.0.0.1.");
        Assert.Contains(range.Log.Lines, l => l.Message == "Failed sign-in as 'stranger' from 198.51.100.7.");
        Assert.DoesNotContain(range.Log.Lines, l => l.Message.Contains("Dashboard:KnownProxies is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutUsers_ARequestNginxForwardsFromAnotherMachine_IsNotLocal()
    {
        await using var host = await SignInHost.StartAsync(Settings("127.0.0.1", users: false));
        using var local = host.Client();
        using var remote = host.Client();
        remote.ForwardedFor = "198.51.100.8";

        using var here = await local.GetAsync("/hangfire/recurring");
        using var there = await remote.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, there.StatusCode);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData(" 127.0.0.1 ; ::1 ;10.0.0.0/8;fd00::/8", true)]
    [InlineData("nginx", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("127.0.0.1,10.0.0.1", false)]
    public void TheSetting_TakesAddressesAndRanges(string knownProxies, bool valid)
    {
        var problems = new DashboardOptions { KnownProxies = knownProxies }.Validate().ToList();

        if (valid) Assert.Empty(problems);
        else Assert.Contains(problems, p => p.StartsWith("Dashboard:KnownProxies 含无效地址", StringComparison.Ordinal) && p.Contains("(Dashboard:KnownProxies has", StringComparison.Ordinal));
    }
}
