using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Proposals.Tests.Browser;

/// <summary>
/// One test's pages in the shared browser, each in a context of its own, closed with the test. A page
/// that breaks the worker's Content-Security-Policy (a script or style the browser refused) fails
/// the test when its pages close, with the browser's own words.
/// </summary>
internal sealed class BrowserPages(Chromium chromium) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<string> _violations = new();

    /// <summary>Takes what the browser refused under the Content-Security-Policy so far, for a test that provokes it.</summary>
    public List<string> TakeCspViolations()
    {
        var taken = new List<string>();
        while (_violations.TryDequeue(out var violation)) taken.Add(violation);
        return taken;
    }

    /// <summary>A page in a fresh context (its own cookies), as on a bureau computer.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var page = await chromium.NewPageAsync(baseAddress);
        _contexts.Add(page.Context);
        // Chromium reports each refusal on the console ("Refused to ... because it violates the
        // following Content Security Policy directive"); the event says it in any case.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
            {
                _violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        if (!_violations.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException("the browser refused what a page asked under its Content-Security-Policy:" + Environment.NewLine +
                string.Join(Environment.NewLine, _violations));
        }
    }
}
