namespace Proposals.Tests.Browser;

/// <summary>
/// One Chromium for the whole run, started by the first browser test that asks for it: starting the
/// browser costs seconds, a fresh context (its own cookies) per page costs little. It goes with
/// Playwright's driver when the test process ends.
/// </summary>
internal static class SharedChromium
{
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static Chromium? _chromium;

    static SharedChromium()
    {
        // The suite runs beside other collections on two cores: give the page time before failing.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A test's own pages in the running browser, started on first use; a browser that cannot start fails each test that asks, saying why.</summary>
    public static async Task<BrowserPages> PagesAsync() => new(await GetAsync());

    private static async Task<Chromium> GetAsync()
    {
        await Starting.WaitAsync();
        try
        {
            return _chromium ??= await Chromium.LaunchAsync();
        }
        finally
        {
            Starting.Release();
        }
    }
}
