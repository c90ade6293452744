using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Import;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Proposals.Tests.Browser;

/// <summary>
/// The coordinator's import and divisions in a real browser, at a desk's width and a phone's: uploads the
/// seed ledger, reads its preview, confirms it, and corrects a division's email. Screenshots are kept in
/// artifacts/browser/.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class UploadBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string Seeds = Path.Combine(RepositoryRoot.Path, "seeds");
    private SignInHost _host = null!;
    private BrowserPages? _pages;

    public async Task InitializeAsync()
    {
        _pages = await SharedChromium.PagesAsync();
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        await new DivisionStore(_host.Ledger.Database).UpsertAsync(DivisionFile.Read(Path.Combine(Seeds, "divisions.csv")).Rows);
    }

    public async Task DisposeAsync()
    {
        if (_pages is not null) await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData(1366, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task TheCoordinatorUploadsTheSeedLedger_ReadsThePreview_Confirms_AndCorrectsAnEmail(int width, int height, string name)
    {
        var page = await _pages!.NewPageAsync(_host.BaseAddress);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/login?ReturnUrl=%2Fhangfire%2Fimport");
        await SignInForm.SubmitAsync(page, SignInHost.Coordinator);
        await Expect(page).ToHaveURLAsync(new Regex("/hangfire/import$"));

        await page.Locator("input[name=file]").SetInputFilesAsync(Path.Combine(Seeds, "proposals-2018.csv"));
        await page.Locator("#import-upload").ClickAsync();
        await Expect(page.Locator("h4").First).ToContainTextAsync("新增 9, 更新 0, 未变 0");
        await Expect(page.Locator("table")).ToContainTextAsync("关于加大小微企业融资支持力度的建议");
        await NoSidewaysScrollAsync(page, width);
        await ScreenshotAsync(page, $"import-1-preview-{name}.png");
        Assert.Equal(0, await CountAsync("items"));

        await page.Locator("#import-confirm").ClickAsync();
        await Expect(page.Locator("#import-done")).ToContainTextAsync("新增 9");
        await ScreenshotAsync(page, $"import-2-done-{name}.png");
        Assert.Equal(9, await CountAsync("items"));

        await page.GotoAsync("/hangfire/divisions");
        var panel = page.Locator(".panel").Filter(new() { HasText = "综合处" });
        await panel.Locator("input[name=email]").FillAsync("zonghe.office@finance.example.org");
        await panel.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#division-saved")).ToContainTextAsync("综合处");
        await Expect(page.Locator("table")).ToContainTextAsync("zonghe.office@finance.example.org");
        await NoSidewaysScrollAsync(page, width);
        await ScreenshotAsync(page, $"import-3-divisions-{name}.png");
        Assert.Equal("zonghe.office@finance.example.org", (await new DivisionStore(_host.Ledger.Database).AllAsync())["综合处"].Email);
    }

    // The page itself fits the width; a wide table scrolls inside its own box.
    private static async Task NoSidewaysScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide at {width} px");
    }

    private async Task<int> CountAsync(string table)
    {
        await using var connection = await _host.Ledger.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ScreenshotAsync(IPage page, string file)
    {
        var path = Path.Combine(Chromium.ArtifactsFolder, file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
