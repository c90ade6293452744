using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proposals.Tests.Auth;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Proposals.Tests.Browser;

/// <summary>
/// A real browser against the real worker: sign in, open the dashboard, read it in Chinese with
/// dates as 2026-12-02 16:28. Screenshots are kept in artifacts/browser/ for a person to look at.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class DashboardBrowserTests(SignInHostFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private BrowserPages? _pages;

    private SignInHost Host => fixture.Host;

    public async Task InitializeAsync() => _pages = await SharedChromium.PagesAsync();

    public async Task DisposeAsync()
    {
        if (_pages is not null) await _pages.DisposeAsync();
    }

    [Fact]
    public async Task Coordinator_SignsIn_AndReadsTheDashboardInChinese()
    {
        var page = await _pages!.NewPageAsync(Host.BaseAddress);

        await page.GotoAsync("/hangfire");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl=%2Fhangfire$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "01-login.png");
        await SignInForm.SubmitAsync(page, SignInHost.Coordinator);

        await Expect(page).ToHaveURLAsync(new Regex("/hangfire$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh");
        await Expect(page.Locator(".navbar")).ToContainTextAsync("作业");
        await Expect(page.Locator(".navbar")).ToContainTextAsync("退出登录");
        // The footer's time, written by moment.js in the browser.
        await Expect(page.Locator("#footer")).ToContainTextAsync(IsoMinute());
        await ScreenshotAsync(page, "02-dashboard-coordinator.png");
    }

    [Fact]
    public async Task Coordinator_SeesTheTriggerButton_AndItRunsTheJob()
    {
        var before = Host.LastJobOf(SignInHost.TestJob);

        var page = await SignedInAsync(SignInHost.Coordinator, "/hangfire/recurring");
        var row = page.Locator("tr", new() { HasText = SignInHost.TestJob });
        await row.Locator("input[type=checkbox]").CheckAsync();
        await ScreenshotAsync(page, "03-recurring-coordinator.png");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "立即执行" }).ClickAsync(),
            r => r.Url.EndsWith("/hangfire/recurring/trigger", StringComparison.Ordinal));

        Assert.Equal(204, response.Status);
        Assert.NotEqual(before, Host.LastJobOf(SignInHost.TestJob));
    }

    [Fact]
    public async Task Viewer_SeesTheRecurringJobs_WithoutButtons()
    {
        var page = await SignedInAsync(SignInHost.Viewer, "/hangfire/recurring");

        await Expect(page.Locator("table")).ToContainTextAsync(SignInHost.TestJob);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "立即执行" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "04-recurring-viewer.png");
    }

    [Fact]
    public async Task AnInlineScript_IsRefusedByTheBrowser_AndTheRefusalIsCaught()
    {
        var page = await SignedInAsync(SignInHost.Viewer, "/hangfire/recurring");

        // What an injected <script> would do: the page's policy allows scripts from this site only.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }");
        await Expect(page.Locator("body")).ToBeVisibleAsync();
        var ran = await page.EvaluateAsync<bool>("() => window.injected === 1");
        var violations = await ViolationsAsync();

        Assert.False(ran, "the inline script ran");
        Assert.Contains(violations, v => v.Contains("script-src", StringComparison.Ordinal));
    }

    // The browser reports a refusal a moment after it: wait for it, at most two seconds.
    private async Task<List<string>> ViolationsAsync()
    {
        var taken = new List<string>();
        for (var i = 0; i < 20 && taken.Count == 0; i++)
        {
            await Task.Delay(100);
            taken.AddRange(_pages!.TakeCspViolations());
        }
        return taken;
    }

    // Straight to the page asked for: the dashboard's home page animates its live graph, which costs
    // the browser most of a core for as long as it is open.
    private async Task<IPage> SignedInAsync(string user, string path)
    {
        var page = await _pages!.NewPageAsync(Host.BaseAddress);
        await page.GotoAsync("/login?ReturnUrl=" + Uri.EscapeDataString(path));
        await SignInForm.SubmitAsync(page, user);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        return page;
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Chromium.ArtifactsFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?!:)")]
    private static partial Regex IsoMinute();
}
