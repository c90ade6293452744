using System.Net;
using System.Text.RegularExpressions;

namespace Proposals.Tests.Auth;

/// <summary>
/// A browser's part over plain HTTP: its own cookies, redirects not followed (the tests read them),
/// the antiforgery tokens read from the pages as a browser's form or script would.
/// </summary>
public sealed partial class SignInClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    /// <summary>A client of <paramref name="baseAddress"/> with an empty cookie jar.</summary>
    public SignInClient(Uri baseAddress)
    {
        _handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress };
    }

    /// <summary>The underlying client.</summary>
    public HttpClient Http { get; }

    /// <summary>The client address the requests claim through X-Forwarded-For (as nginx would add it); none when null.</summary>
    public string? ForwardedFor { get; set; }

    /// <summary>Whether the jar holds a session cookie.</summary>
    public bool HasSession => _handler.CookieContainer.GetCookies(Http.BaseAddress!).Any(c => c.Name == "proposals-session");

    /// <summary>The session cookie's value.</summary>
    public string SessionCookie() => _handler.CookieContainer.GetCookies(Http.BaseAddress!).Single(c => c.Name == "proposals-session").Value;

    /// <summary>GET <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? accept = null)
    {
        var request = Request(HttpMethod.Get, path);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return Http.SendAsync(request);
    }

    /// <summary>Opens /login and posts the form with <paramref name="user"/> and <paramref name="password"/>.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string user, string password, string? returnUrl = null)
    {
        var token = await LoginTokenAsync();
        var form = new Dictionary<string, string> { ["username"] = user, ["password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null) form["ReturnUrl"] = returnUrl;
        return await PostFormAsync("/login", form);
    }

    /// <summary>Signs in and fails the test unless the session cookie was set.</summary>
    public async Task SignInOrFailAsync(string user)
    {
        using var response = await SignInAsync(user, SignInHost.PasswordOf(user));
        Assert.True(HasSession, $"{user} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The antiforgery token of the sign-in form.</summary>
    public Task<string> LoginTokenAsync() => FormTokenAsync("/login");

    /// <summary>The antiforgery token of the sign-out form.</summary>
    public Task<string> LogoutTokenAsync() => FormTokenAsync("/logout");

    private async Task<string> FormTokenAsync(string path)
    {
        using var page = await GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var match = FormToken().Match(html);
        Assert.True(match.Success, $"no antiforgery token in {path}: {(int)page.StatusCode} {html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The header name and token a dashboard page gives its scripts for their posts.</summary>
    public async Task<(string Header, string Token)> DashboardTokenAsync(string path = "/hangfire/recurring")
    {
        using var page = await GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var header = MetaContent(html, "csrf-header");
        var token = MetaContent(html, "csrf-token");
        Assert.True(header is not null && token is not null, $"no antiforgery meta tags in {path}: {(int)page.StatusCode}");
        return (header!, token!);
    }

    /// <summary>Posts <paramref name="form"/> to <paramref name="path"/>, with the dashboard's antiforgery header when given.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> form, (string Header, string Token)? antiforgery = null)
    {
        var request = Request(HttpMethod.Post, path);
        request.Content = new FormUrlEncodedContent(form);
        if (antiforgery is { } a) request.Headers.Add(a.Header, a.Token);
        return Http.SendAsync(request);
    }

    /// <summary>Posts the dashboard's "trigger now" for <paramref name="recurringId"/>, as its script does.</summary>
    public Task<HttpResponseMessage> TriggerAsync(string recurringId, (string Header, string Token)? antiforgery) =>
        PostFormAsync("/hangfire/recurring/trigger", [new("jobs[]", recurringId)], antiforgery);

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (ForwardedFor is not null) request.Headers.Add("X-Forwarded-For", ForwardedFor);
        return request;
    }

    private static string? MetaContent(string html, string name)
    {
        var match = Regex.Match(html, $"<meta name=\"{name}\" content=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
