using Microsoft.Playwright;
using Proposals.Tests.Ops;

namespace Proposals.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium), headless, driven by Playwright for .NET. Playwright's own
/// browser download cannot work on these machines, so the system's browser is used; when it or
/// the CJK fonts are missing, the test fails saying how to install them. Nothing is skipped.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    /// <summary>Where the browser is looked for; PROPOSALS_TEST_CHROMIUM names another.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("PROPOSALS_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    // The flags that work on these machines (see the stack notes); Playwright adds --headless and a
    // temporary profile (--user-data-dir) itself.
    private static readonly string[] Flags =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         // No spare renderer started ahead of a navigation that may never come.
         "--disable-features=SpareRendererForSitePerProcess"];

    private const string Install = "As root: apt-get update && apt-get install -y chromium fonts-noto-cjk (ops/test.sh does this when run as root).";

    private Chromium(IBrowser browser)
    {
        Browser = browser;
    }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Where the screenshots go: artifacts/browser/ in the repository (ignored by git).</summary>
    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(OpsSupport.RepoRoot(), "artifacts", "browser")).FullName;

    /// <summary>Starts the browser, or fails saying what is missing and how to install it.</summary>
    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"BROWSER TESTS CANNOT RUN: {ExecutablePath} is missing. {Install}");
        }
        if (OperatingSystem.IsLinux() && !Directory.EnumerateFiles("/usr/share/fonts", "NotoSansCJK*", SearchOption.AllDirectories).Any())
        {
            throw new InvalidOperationException($"BROWSER TESTS CANNOT RUN: no CJK font (fonts-noto-cjk), Chinese would show as boxes. {Install}");
        }
        // The driver is the run's (see PlaywrightDriver): this starts only the browser.
        try
        {
            var playwright = await PlaywrightDriver.GetAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
            return new Chromium(browser);
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"BROWSER TESTS CANNOT RUN: {ExecutablePath} did not start under Playwright: {e.Message}", e);
        }
    }

    /// <summary>A fresh browser context (its own cookies) as on a bureau computer: Chinese, Beijing time.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
    }
}
