using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Hosting;

namespace Proposals.Tests.Auth;

/// <summary>
/// What a hostile or careless client sends the worker's pages: bodies that say they are forms and are
/// not, a ReturnUrl in Chinese, and every answer carrying the headers that keep a page in its place.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class WebHardeningTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "multipart/form-data", "username=zonghe&password=x" },                                   // no boundary
        { "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nzon" },   // cut short
        { "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=1")) },   // too many fields
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task AMalformedFormOnLogin_Is400_WithoutAStackTraceInTheLog(string contentType, string body)
    {
        using var client = Host.Client();
        var before = Host.Log.Lines.Count;

        using var response = await PostRawAsync(client, "/login", contentType, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logged = Host.Log.Lines.Skip(before).ToList();
        Assert.DoesNotContain(logged, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(logged, l => l.Message.Contains("   at ", StringComparison.Ordinal));
        Assert.Contains(logged, l => l.Message.StartsWith("Malformed form posted to /login", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/hangfire/recurring/trigger")]
    [InlineData("/hangfire/reminders/resend")]
    public async Task AMalformedFormToTheDashboard_Is400_WithoutAStackTraceInTheLog(string path)
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);
        var before = Host.Log.Lines.Count;

        using var response = await PostRawAsync(client, path, "multipart/form-data", "jobs[]=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logged = Host.Log.Lines.Skip(before).ToList();
        Assert.DoesNotContain(logged, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(logged, l => l.Message.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMalformedFormOnLogout_Is400_AndTheSessionStays()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);

        using var response = await PostRawAsync(client, "/logout", "multipart/form-data", "x");
        using var page = await client.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("/hangfire/reminders?division=银行保险处", "/hangfire/reminders?division=%E9%93%B6%E8%A1%8C%E4%BF%9D%E9%99%A9%E5%A4%84")]
    [InlineData("/hangfire/jobs/succeeded", "/hangfire/jobs/succeeded")]
    [InlineData("/hangfire/recurring?q=a b", "/hangfire/recurring?q=a%20b")]
    public async Task AnyLocalReturnUrl_IsFollowed_AfterTheRightPassword(string returnUrl, string location)
    {
        using var client = Host.Client();

        using var response = await client.SignInAsync(SignInHost.Viewer, SignInHost.PasswordOf(SignInHost.Viewer), returnUrl);
        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(location, response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task TheSignInForm_KeepsANonAsciiReturnUrl()
    {
        using var client = Host.Client();

        using var page = await client.GetAsync("/login?ReturnUrl=" + Uri.EscapeDataString("/hangfire/progress?division=综合处"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/hangfire/progress?division=%E7%BB%BC%E5%90%88%E5%A4%84", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/login", false)]
    [InlineData("/hangfire", true)]
    [InlineData("/hangfire/reminders", true)]
    [InlineData("/hangfire/progress", true)]
    [InlineData("/hangfire/recurring", false)]
    [InlineData("/health", false)]
    [InlineData("/health/ready", false)]
    [InlineData("/answer/not-a-token", false)]
    [InlineData("/no-such-page", true)]
    public async Task EveryAnswer_CarriesThePageHeaders(string path, bool signedIn)
    {
        using var client = Host.Client();
        if (signedIn) await client.SignInOrFailAsync(SignInHost.Coordinator);

        using var response = await client.GetAsync(path);

        // The worker's policy, or a page's own stricter one (the sign-in page allows no script at all).
        var policy = Single(response, "Content-Security-Policy");
        Assert.True(policy == SecurityHeaders.ContentSecurityPolicy || path == "/login", $"{path}: {policy}");
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.NotNull(Single(response, "Referrer-Policy"));
    }

    private static string? Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? Assert.Single(values) : null;

    private static Task<HttpResponseMessage> PostRawAsync(SignInClient client, string path, string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.Http.PostAsync(path, content);
    }
}
