using System.Diagnostics;
using System.Net;

namespace Proposals.Tests.Auth;

/// <summary>
/// Failed sign-ins are limited per user name at one address (3 here) and per client address (5), and
/// only slowed per user name (past 3, a failed answer waits up to a second), in 15 minutes; each test
/// comes from addresses of its own, as nginx names them.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class SignInLimitTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Fact]
    public async Task FailuresForOneNameFromManyAddresses_OnlySlowTheFailedAnswers_TheRightPasswordSignsInAtOnce()
    {
        var failedIn = new List<TimeSpan>();
        for (var i = 1; i <= 5; i++)
        {
            using var attacker = Client($"203.0.113.{i}");
            var token = await attacker.LoginTokenAsync();
            var watch = Stopwatch.StartNew();
            using var failed = await attacker.PostFormAsync("/login", Form(SignInHost.Limited, "guess-" + i, token));
            failedIn.Add(watch.Elapsed);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var owner = Client("203.0.113.100");
        var ownerToken = await owner.LoginTokenAsync();

        var ownerWatch = Stopwatch.StartNew();
        using var response = await owner.PostFormAsync("/login", Form(SignInHost.Limited, SignInHost.PasswordOf(SignInHost.Limited), ownerToken));
        var ownerTook = ownerWatch.Elapsed;

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(owner.HasSession);
        // Past the name's three failures each failed answer waits (here at most a second); the right one does not.
        Assert.All(failedIn.Skip(3), took => Assert.True(took >= TimeSpan.FromSeconds(0.95), $"a failed answer past the limit took {took}"));
        Assert.True(ownerTook < TimeSpan.FromSeconds(0.9), $"the right password took {ownerTook}");
    }

    [Fact]
    public async Task AfterThreeFailuresForOneNameAtOneAddress_ThatAddressIsRefusedForIt_TheUserElsewhereSignsIn()
    {
        using var attacker = Client("203.0.113.60");
        for (var i = 1; i <= 3; i++)
        {
            using var failed = await attacker.SignInAsync(SignInHost.Viewer, "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var owner = Client("203.0.113.61");

        using var refused = await attacker.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer));
        using var otherName = await attacker.SignInAsync(SignInHost.Coordinator, SignInHost.PasswordOf(SignInHost.Coordinator));
        using var served = await owner.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/plain", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("登录失败次数过多, 请 15 分钟后再试 (too many failed sign-ins; try again in 15 minutes)\n", await refused.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.SeeOther, otherName.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, served.StatusCode);
    }

    [Fact]
    public async Task SixtyParallelGuessesForOneName_GetNoMoreChecksThanTheLimit()
    {
        using var attacker = Client("203.0.113.80");
        var token = await attacker.LoginTokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            using var response = await attacker.PostFormAsync("/login", Form("parallel-name", "guess-" + i, token));
            return response.StatusCode;
        }));

        Assert.Equal(3, Host.Log.Lines.Count(l => l.Message == "Failed sign-in as 'parallel-name' from 203.0.113.80."));
        Assert.Equal(3, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(57, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task SixtyParallelGuessesForManyNames_GetNoMoreChecksThanTheAddressesLimit()
    {
        using var attacker = Client("203.0.113.81");
        var token = await attacker.LoginTokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            using var response = await attacker.PostFormAsync("/login", Form("many-names-" + i, "guess", token));
            return response.StatusCode;
        }));

        Assert.Equal(5, Host.Log.Lines.Count(l => l.Message.StartsWith("Failed sign-in as 'many-names-", StringComparison.Ordinal) && l.Message.EndsWith(" from 203.0.113.81.", StringComparison.Ordinal)));
        Assert.Equal(55, answers.Count(a => a == HttpStatusCode.TooManyRequests));
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

    private static Dictionary<string, string> Form(string user, string password, string token) =>
        new() { ["username"] = user, ["password"] = password, ["__RequestVerificationToken"] = token };

    // nginx appends the address it saw; what a client wrote before it counts for nothing.
    private SignInClient Client(string address)
    {
        var client = Host.Client();
        client.ForwardedFor = "10.9.8.7, " + address;
        return client;
    }
}
