using Microsoft.Playwright;

namespace Proposals.Tests.Browser;

/// <summary>One test's pages in the shared browser, each in a context of its own, closed with the test.</summary>
internal sealed class BrowserPages(Chromium chromium) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A page in a fresh context (its own cookies), as on a bureau computer.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var page = await chromium.NewPageAsync(baseAddress);
        _contexts.Add(page.Context);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }
}
