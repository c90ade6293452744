using System.Net;

namespace Proposals.Tests.Auth;

/// <summary>/login, the session cookie and /logout, over real HTTP against the real worker.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class SignInTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Fact]
    public async Task Stranger_OnThisVeryMachine_GettingAPage_IsRedirectedToLogin()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/hangfire/jobs/failed");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fhangfire%2Fjobs%2Ffailed", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Stranger_GettingTheSiteRoot_IsRedirectedToLogin()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Stranger_AskingForJson_Gets401()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/hangfire/recurring", accept: "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stranger_Posting_Gets401_AndTheJobIsUntouched()
    {
        using var client = Host.Client();

        using var response = await client.TriggerAsync(SignInHost.TestJob, antiforgery: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(Host.LastJobOf(SignInHost.TestJob));
    }

    [Fact]
    public async Task Stranger_PollingTheDashboardStatistics_Gets401()
    {
        using var client = Host.Client();

        using var response = await client.PostFormAsync("/hangfire/stats", [new("metrics[]", "enqueued:count")]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task LoginPage_IsAChineseForm_WithUsernamePasswordAndAntiforgeryToken()
    {
        using var client = Host.Client();

        using var response = await client.GetAsync("/login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"username\"", html);
        Assert.Contains("name=\"password\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("登录", html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task WrongPassword_SetsNoSession_AndSaysSoInChineseAndEnglish()
    {
        using var client = Host.Client();
        client.ForwardedFor = "198.51.100.1";

        using var response = await client.SignInAsync(SignInHost.Coordinator, "not-the-password");
        using var after = await client.GetAsync("/hangfire");

        Assert.False(client.HasSession);
        Assert.Contains("用户名或密码错误 (wrong user name or password)", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task UnknownUser_SetsNoSession()
    {
        using var client = Host.Client();
        client.ForwardedFor = "198.51.100.2";

        using var response = await client.SignInAsync("nobody", "whatever-Pass-2026");

        Assert.False(client.HasSession);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Coordinator_SignsIn_AndIsSentToTheDashboard()
    {
        using var client = Host.Client();

        using var response = await client.SignInAsync(SignInHost.Coordinator, SignInHost.PasswordOf(SignInHost.Coordinator));
        using var dashboard = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/hangfire", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task UserName_IsNotCaseSensitive()
    {
        using var client = Host.Client();

        using var response = await client.SignInAsync("ZongHe", SignInHost.PasswordOf(SignInHost.Coordinator));

        Assert.True(client.HasSession);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnly_AndSameSiteStrict()
    {
        using var client = Host.Client();

        using var response = await client.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("proposals-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // Plain HTTP here; behind nginx (X-Forwarded-Proto: https) the cookie is Secure, see the next test.
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SessionCookie_IsSecure_WhenNginxSaysTheRequestCameOverHttps()
    {
        using var client = Host.Client();
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
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_ReturnsToThePageAskedFor()
    {
        using var client = Host.Client();

        using var response = await client.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer), "/hangfire/recurring");

        Assert.Equal("/hangfire/recurring", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_NeverReturnsToAnotherSite(string returnUrl)
    {
        using var client = Host.Client();

        using var response = await client.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer), returnUrl);

        Assert.Equal("/hangfire", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LoginPost_WithoutTheAntiforgeryToken_IsRefused_AndSetsNoSession()
    {
        using var client = Host.Client();

        using var response = await client.PostFormAsync("/login", new Dictionary<string, string>
        {
            ["username"] = SignInHost.Coordinator,
            ["password"] = SignInHost.PasswordOf(SignInHost.Coordinator),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(client.HasSession);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);
        var token = await client.LogoutTokenAsync();

        using var response = await client.PostFormAsync("/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var after = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Logout_ByAPlainPostWithoutToken_IsRefused_AndTheSessionStays()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);

        using var response = await client.PostFormAsync("/logout", new Dictionary<string, string>());
        using var after = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ShowsASignOutLink()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);

        using var page = await client.GetAsync("/hangfire");

        Assert.Contains("href=\"/logout\"", await page.Content.ReadAsStringAsync());
    }
}
