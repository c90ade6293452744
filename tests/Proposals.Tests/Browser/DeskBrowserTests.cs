using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
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
/// The coordinator's desk and a division's answer in a real browser: the coordinator signs in and
/// opens 办理进度; the division follows the 登记答复 link of the email it received and records its
/// reply; the item leaves the overdue list. Screenshots are kept in artifacts/browser/.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class DeskBrowserTests(ITestOutputHelper output) : IAsyncLifetime
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
            Make("0012", "2026-08-20", "2026-11-20", lead: "银行保险处", key: true, title: "关于加大小微企业首贷支持力度的建议") with { AcknowledgedOn = D("2026-08-21") },
            Make("0027", "2026-09-07", "2026-12-07", kind: ItemKind.Cppcc, session: "十四届一次", lead: "金融服务处", title: "关于推进普惠金融服务站建设的提案") with { AcknowledgedOn = D("2026-09-08") },
        ]);
        var services = _host.App.Services;
        await services.GetRequiredService<SweepRunner>().RunAsync(Today, await services.GetRequiredService<CalendarSource>().LoadAsync(), _ => { });
    }

    public async Task DisposeAsync()
    {
        if (_pages is not null) await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task TheCoordinatorWatches_TheDivisionAnswersFromItsEmail_AndTheItemLeavesTheOverdueList()
    {
        var coordinator = await _pages!.NewPageAsync(_host.BaseAddress);
        await coordinator.GotoAsync("/login?ReturnUrl=%2Fhangfire%2Fprogress");
        await SignInForm.SubmitAsync(coordinator, SignInHost.Coordinator);
        await Expect(coordinator).ToHaveURLAsync(new Regex("/hangfire/progress$"));
        var overdue = coordinator.Locator("table").Nth(2);
        await Expect(coordinator.Locator(".navbar").First).ToContainTextAsync("办理进度");
        await Expect(overdue).ToContainTextAsync("0012");
        await Expect(coordinator.Locator("table").Nth(1)).ToContainTextAsync("0027");
        await ScreenshotAsync(coordinator, "10-progress-before.png");
        await coordinator.GotoAsync("/hangfire/reminders");
        await Expect(coordinator.Locator("table")).ToContainTextAsync("yinbao@finance.example.org");
        await ScreenshotAsync(coordinator, "11-reminders.png");

        // The division: no account, the link from its email (its host is the public address; nginx would
        // pass the path unchanged, so the path is all that matters here).
        var division = await _pages.NewPageAsync(_host.BaseAddress);
        await division.GotoAsync(await ReplyLinkPathAsync("银行保险处"));
        await Expect(division.Locator("h1")).ToHaveTextAsync("登记答复");
        await Expect(division.Locator("table")).ToContainTextAsync("关于加大小微企业首贷支持力度的建议");
        await division.Locator("input[name=on]").FillAsync("2026-12-01");
        await division.Locator("select[name=class]").SelectOptionAsync("A");
        await division.Locator("textarea[name=note]").FillAsync("已书面答复代表");
        await ScreenshotAsync(division, "12-answer-form.png");
        await division.GetByRole(AriaRole.Button, new() { Name = "登记答复" }).ClickAsync();
        await Expect(division.Locator(".done")).ToContainTextAsync("已记录登记答复");
        await ScreenshotAsync(division, "13-answer-recorded.png");

        await coordinator.GotoAsync("/hangfire/progress");
        await Expect(coordinator.Locator("table").Nth(2)).Not.ToContainTextAsync("0012");
        await Expect(coordinator.Locator("table").Nth(0)).ToContainTextAsync("已答复");
        await ScreenshotAsync(coordinator, "14-progress-after.png");
    }

    private async Task<string> ReplyLinkPathAsync(string division)
    {
        foreach (var file in Directory.EnumerateFiles(_host.Outbox, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Single().Name != division) continue;
            var link = ReplyLink().Match(message.TextBody ?? "");
            Assert.True(link.Success, $"no 登记答复 link in the email to {division}");
            return new Uri(link.Groups[1].Value).PathAndQuery;
        }
        throw new InvalidOperationException($"no email to {division} in {_host.Outbox}");
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Chromium.ArtifactsFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    [GeneratedRegex(@"^登记答复：(\S+)$", RegexOptions.Multiline)]
    private static partial Regex ReplyLink();
}
