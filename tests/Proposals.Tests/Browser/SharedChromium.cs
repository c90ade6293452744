namespace Proposals.Tests.Browser;

/// <summary>
/// One Chromium for the whole in-process workers' collection, started by the first browser test
/// that asks for it and stopped when the collection ends: starting Playwright's driver and the
/// browser costs seconds, a fresh context (its own cookies) per page costs almost nothing.
/// </summary>
public sealed class SharedChromium : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private Chromium? _chromium;

    static SharedChromium()
    {
        // The suite runs beside other collections on two cores: give the page time before failing.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>The running browser, started on first use; a browser that cannot start fails each test that asks, saying why.</summary>
    internal async Task<Chromium> GetAsync()
    {
        await _starting.WaitAsync();
        try
        {
            return _chromium ??= await Chromium.LaunchAsync();
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null) await _chromium.DisposeAsync();
        _starting.Dispose();
    }
}
