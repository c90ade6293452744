using Hangfire.Dashboard;

namespace Proposals.Tests.Auth;

/// <summary>The dashboard speaks Chinese by default (Hangfire's own strings) and writes dates as 2026-12-02 16:28.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class DashboardCultureTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Fact]
    public async Task TheDashboard_IsInChinese_ByDefault()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);

        using var page = await client.GetAsync("/hangfire/recurring");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh\">", html);
        Assert.Contains("定期作业", html);
    }

    [Fact]
    public async Task TheDashboardsScripts_GiveMomentTheIsoFormats()
    {
        using var client = Host.Client();
        await client.SignInOrFailAsync(SignInHost.Viewer);
        using var page = await client.GetAsync("/hangfire");
        var script = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "<script src=\"([^\"]+)\"").Groups[1].Value;

        using var js = await client.GetAsync(script);
        var text = await js.Content.ReadAsStringAsync();

        Assert.Contains("moment.defineLocale('proposals'", text);
        Assert.True(text.IndexOf("moment.defineLocale('proposals'", StringComparison.Ordinal) > text.IndexOf("Hangfire.page = new Hangfire.Page", StringComparison.Ordinal),
            "the dates script must come after hangfire.js, which it changes before the page starts");
    }

    [Fact]
    public async Task Culture_Setting_ChangesTheLanguage()
    {
        await using var host = await SignInHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:Culture"] = "en-US" });
        using var client = host.Client();

        using var page = await client.GetAsync("/hangfire/recurring");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Recurring Jobs", html);
    }

    [Fact]
    public void TheDatesScript_IsAddedOnce_HoweverManyWorkersStart()
    {
        var field = typeof(DashboardRoutes).GetField("JavaScripts", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        var scripts = ((System.Collections.IEnumerable)field!.GetValue(null)!).Cast<object>().Select(t => t.ToString()!);

        Assert.Single(scripts, s => s.Contains("dashboard-dates.js", StringComparison.Ordinal));
    }
}
