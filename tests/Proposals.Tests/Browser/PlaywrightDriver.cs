using Microsoft.Playwright;

namespace Proposals.Tests.Browser;

/// <summary>
/// Playwright's driver (a node process), started once for the whole run before any test runs.
/// Starting it sets Console.OutputEncoding for a moment, and that setter, flushing the console
/// while another thread writes a log line to it, can deadlock the test process; before the tests
/// start, nothing else writes. <see cref="Infrastructure.SuiteFramework"/> starts it when the run
/// holds browser tests; a browser test run some other way starts it on first use.
/// </summary>
internal static class PlaywrightDriver
{
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static Task<IPlaywright>? _driver;

    /// <summary>Starts the driver, once.</summary>
    public static async Task<IPlaywright> GetAsync()
    {
        await Starting.WaitAsync();
        try
        {
            _driver ??= Playwright.CreateAsync();
        }
        finally
        {
            Starting.Release();
        }
        return await _driver;
    }
}
