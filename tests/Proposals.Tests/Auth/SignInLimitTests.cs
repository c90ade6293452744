using System.Net;

namespace Proposals.Tests.Auth;

/// <summary>
/// Failed sign-ins are limited per user name and per client address (here 3 per name and 5 per
/// address in 15 minutes); each test comes from addresses of its own, as nginx names them.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class SignInLimitTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Fact]
    public async Task AfterThreeFailuresForOneName_EvenTheRightPasswordGets429_FromAnyAddress()
    {
        for (var i = 1; i <= 3; i++)
        {
            using var attacker = Client($"203.0.113.{i}");
            using var failed = await attacker.SignInAsync(SignInHost.Limited, "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var owner = Client("203.0.113.100");

        using var response = await owner.SignInAsync(SignInHost.Limited, SignInHost.PasswordOf(SignInHost.Limited));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.False(owner.HasSession);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("登录失败次数过多, 请 15 分钟后再试 (too many failed sign-ins; try again in 15 minutes)\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromMinutes(15), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AfterFiveFailuresFromOneAddress_AnyNameGets429_ThereOnly()
    {
        using var attacker = Client("203.0.113.50");
        for (var i = 1; i <= 5; i++)
        {
            using var failed = await attacker.SignInAsync("name" + i, "guess");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var elsewhere = Client("203.0.113.51");

        using var refused = await attacker.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer));
        using var served = await elsewhere.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, served.StatusCode);
    }

    [Fact]
    public async Task TheRefusal_Lifts_WhenTheFailuresLeaveTheWindow()
    {
        using var client = Client("203.0.113.70");
        for (var i = 1; i <= 5; i++)
        {
            using var failed = await client.SignInAsync("other" + i, "guess");
        }
        using var refused = await client.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer));

        Host.Clock.Advance(TimeSpan.FromMinutes(15));
        using var served = await client.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, served.StatusCode);
    }

    [Fact]
    public async Task ARequestNamingNoAddress_CountsUnderTheConnectionsOwn()
    {
        using var client = Host.Client();

        using var response = await client.SignInAsync("nobody-at-all", "guess");

        Assert.Contains(Host.Log.Lines, l => l.Message == "Failed sign-in as 'nobody-at-all' from 127.0.0.1.");
    }

    [Fact]
    public async Task ATypedName_IsLogged_CutShort_AndWithoutLineBreaks()
    {
        using var client = Client("203.0.113.90");

        using var response = await client.SignInAsync("forged\ninfo: admin signed in" + new string('x', 500), "guess");

        var line = Assert.Single(Host.Log.Lines, l => l.Message.Contains("203.0.113.90", StringComparison.Ordinal)).Message;
        Assert.DoesNotContain('\n', line);
        const string Shown = "forged?info: admin signed in";
        Assert.Contains($"'{Shown}{new string('x', 64 - Shown.Length)}'", line);
    }

    // nginx appends the address it saw; what a client wrote before it counts for nothing.
    private SignInClient Client(string address)
    {
        var client = Host.Client();
        client.ForwardedFor = "10.9.8.7, " + address;
        return client;
    }
}
