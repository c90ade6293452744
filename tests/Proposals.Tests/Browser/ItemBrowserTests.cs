using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Browser;

/// <summary>
/// The item page in a real browser, at a desktop's width and a phone's: the coordinator opens an
/// overdue item from 办理进度, records its reply, sees it in the timeline with their name and
/// <c>via: desk</c>, and takes it back with a reason. Screenshots are kept in artifacts/browser/.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class ItemBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private SignInHost _host = null!;
    private BrowserPages? _pages;

    public async Task InitializeAsync()
    {
        _pages = await SharedChromium.PagesAsync();
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        await _host.Ledger.WithDivisionsAsync();
        await new ItemStore(_host.Ledger.Database).UpsertAsync([
            Make("0012", "2026-08-20", "2026-11-20", lead: "银行保险处", co: ["金融服务处"], key: true, title: "关于加大小微企业首贷支持力度、完善政府性融资担保体系和风险补偿机制的建议")
                with { AcknowledgedOn = D("2026-08-21") },
        ]);
        var services = _host.App.Services;
        await services.GetRequiredService<SweepRunner>().RunAsync(Today, await services.GetRequiredService<CalendarSource>().LoadAsync(), _ => { });
    }

    public async Task DisposeAsync()
    {
        if (_pages is not null) await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task TheCoordinatorOpensAnItemFromProgress_RecordsItsReply_AndTakesItBack(int width, int height)
    {
        var page = await _pages!.NewPageAsync(_host.BaseAddress);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/login?ReturnUrl=%2Fhangfire%2Fprogress");
        await SignInForm.SubmitAsync(page, SignInHost.Coordinator);
        await Expect(page).ToHaveURLAsync(new Regex("/hangfire/progress$"));

        await page.Locator("table").Nth(2).GetByRole(AriaRole.Link, new() { Name = "关于加大小微企业首贷支持力度" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/hangfire/items/npc/.+/0012$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("人大代表建议 十五届一次 第0012号");
        await Expect(page.Locator("#key-facts")).ToContainTextAsync("已超期 12 天");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("催办");
        Assert.True(await FitsAsync(page), $"the item page scrolls sideways at {width} px");
        await ScreenshotAsync(page, $"20-item-{width}.png");

        // A bad date first: the reason beside the field, nothing recorded.
        await page.Locator("#form-reply summary").ClickAsync();
        await page.Locator("#reply-on").FillAsync("2026-12-03");
        await page.Locator("#reply-class").SelectOptionAsync("A");
        await page.Locator("#form-reply").GetByRole(AriaRole.Button, new() { Name = "登记答复" }).ClickAsync();
        await Expect(page.Locator("#form-reply .refusal")).ToContainTextAsync("晚于今天 2026-12-02");
        await ScreenshotAsync(page, $"21-item-refused-{width}.png");

        await page.Locator("#reply-on").FillAsync("2026-12-01");
        await page.Locator("#reply-note").FillAsync("已书面答复代表");
        await page.Locator("#form-reply").GetByRole(AriaRole.Button, new() { Name = "登记答复" }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("已记录 答复");
        await Expect(page.Locator("#key-facts")).ToContainTextAsync("已答复");
        await Expect(page.Locator("#timeline .fact").Last).ToContainTextAsync($"{SignInHost.Coordinator} (via: desk)");
        await ScreenshotAsync(page, $"22-item-replied-{width}.png");

        await page.Locator("#form-undo summary").ClickAsync();
        await page.Locator("#undo-fact").SelectOptionAsync("reply");
        await page.Locator("#undo-reason").FillAsync("答复日期登记错误");
        await page.Locator("#form-undo").GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("已撤销");
        await Expect(page.Locator("#timeline .undone")).ToContainTextAsync($"已撤销 (undone)");
        await Expect(page.Locator("#timeline .undone")).ToContainTextAsync("答复日期登记错误");
        await Expect(page.Locator("#key-facts")).Not.ToContainTextAsync("已答复");
        Assert.True(await FitsAsync(page), $"the item page scrolls sideways at {width} px after the forms were used");
        await ScreenshotAsync(page, $"23-item-undone-{width}.png");
    }

    // Whether the page is no wider than the window: nothing to scroll sideways for.
    private static async Task<bool> FitsAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Chromium.ArtifactsFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
