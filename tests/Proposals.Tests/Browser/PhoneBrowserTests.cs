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
/// The pages read at a desktop's 1366x900 and a phone's 390x844 in a real browser: sign-in, a division's
/// answer page, 办理进度, 催办记录 and 节假日安排. Nothing scrolls sideways; on a phone the key cells of an item
/// (number and title, due date, status, the action) are inside the screen; at 1366 催办记录's headings keep to
/// one line. Screenshots are kept in artifacts/browser/.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class PhoneBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private SignInHost _host = null!;
    private BrowserPages? _pages;

    public static TheoryData<int, int> Sizes => new() { { 1366, 900 }, { 390, 844 } };

    public async Task InitializeAsync()
    {
        _pages = await SharedChromium.PagesAsync();
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        await _host.Ledger.WithDivisionsAsync();
        await new ItemStore(_host.Ledger.Database).UpsertAsync([
            Make("0012", "2026-08-20", "2026-11-20", lead: "银行保险处", key: true, title: "关于加大小微企业首贷支持力度、优化普惠金融考核办法和续贷服务流程的建议") with { AcknowledgedOn = D("2026-08-21") },
            Make("0027", "2026-09-07", "2026-12-07", kind: ItemKind.Cppcc, session: "十四届一次", lead: "金融服务处", co: ["银行保险处", "法规处"], title: "关于推进普惠金融服务站建设的提案") with { AcknowledgedOn = D("2026-09-08") },
            Make("0031", "2026-08-20", "2026-11-20", lead: "法规处", title: "关于完善地方金融监督管理条例配套制度的建议") with { AcknowledgedOn = D("2026-08-21") },
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
    [MemberData(nameof(Sizes))]
    public async Task TheDesk_ReadsWithoutSidewaysScrolling(int width, int height)
    {
        var page = await _pages!.NewPageAsync(_host.BaseAddress);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/login?ReturnUrl=%2Fhangfire%2Fprogress");
        await Expect(page.Locator("h1")).ToHaveTextAsync("建议提案催办");
        Assert.DoesNotMatch(Latin(), await page.Locator("main").InnerTextAsync());
        await FitsAsync(page);
        await ScreenshotAsync(page, $"20-login-{width}.png");
        await SignInForm.SubmitAsync(page, SignInHost.Coordinator);
        await Expect(page).ToHaveURLAsync(new Regex("/hangfire/progress$"));

        await Expect(page.Locator("table.desk-due").Last).ToContainTextAsync("0012");
        await FitsAsync(page);
        await KeyCellsInsideAsync(page, "table.desk-due", width, [3, 4, 7, 8]);
        await Expect(page.Locator(".desk-downloads")).ToContainTextAsync("台账 Excel");
        await ScreenshotAsync(page, $"21-progress-{width}.png");

        await page.GotoAsync("/hangfire/reminders");
        await Expect(page.Locator("table.desk-reminders")).ToContainTextAsync("yinbao@finance.example.org");
        await FitsAsync(page);
        await KeyCellsInsideAsync(page, "table.desk-reminders", width, [3, 7, 8, 12]);
        if (width >= 1366) await HeadingsOnOneLineAsync(page, "table.desk-reminders");
        else await FirstScreenShowsTheItemAndStatusAsync(page, height);
        await ScreenshotAsync(page, $"22-reminders-{width}.png");

        await page.GotoAsync("/hangfire/calendar?year=2027");
        await Expect(page.Locator(".alert-warning").First).ToContainTextAsync("2027年的节假日安排尚未载入");
        await FitsAsync(page);
        await ScreenshotAsync(page, $"23-calendar-{width}.png");

        // Hangfire's own pages: the recurring jobs under their Chinese names, the start-up sweep as the last run.
        await page.GotoAsync("/hangfire/recurring");
        await Expect(page.Locator("table")).ToContainTextAsync("催办扫描");
        await ScreenshotAsync(page, $"25-recurring-{width}.png");
        await page.GotoAsync("/hangfire/jobs/details/" + _host.LastJobOf(Worker.Reminders.SweepJob.RecurringId));
        await Expect(page.Locator("h1")).ToContainTextAsync("催办扫描");
        await Expect(page.Locator("body")).ToContainTextAsync("服务器:");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Worker:");
        await ScreenshotAsync(page, $"26-job-details-{width}.png");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task TheAnswerPage_ReadsInChinese_WithoutSidewaysScrolling(int width, int height)
    {
        var page = await _pages!.NewPageAsync(_host.BaseAddress);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync(await ReplyLinkPathAsync("银行保险处"));

        await Expect(page.Locator("h1")).ToHaveTextAsync("登记答复");
        Assert.DoesNotMatch(Latin(), await page.Locator("form").InnerTextAsync());
        await FitsAsync(page);
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "登记答复" }).BoundingBoxAsync();
        Assert.True(button is not null && button.X + button.Width <= width, "the button is outside the screen");
        await ScreenshotAsync(page, $"24-answer-{width}.png");
    }

    // The page is no wider than the window: nothing to scroll sideways.
    private static async Task FitsAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        var (scroll, inner) = (sizes[0], sizes[1]);
        Assert.True(scroll <= inner, $"{page.Url}: the page is {scroll} px wide in a {inner} px window");
    }

    // Each row's key cells (1-based columns) lie inside the window.
    private static async Task KeyCellsInsideAsync(IPage page, string table, int width, int[] columns)
    {
        var rows = page.Locator($"{table} tbody tr");
        Assert.True(await rows.CountAsync() > 0, $"{table}: no rows");
        for (var r = 0; r < Math.Min(await rows.CountAsync(), 5); r++)
        {
            foreach (var column in columns)
            {
                var cell = rows.Nth(r).Locator($"td:nth-child({column})");
                if (await cell.InnerTextAsync() is { Length: 0 }) continue;
                var box = await cell.BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width + 0.5,
                    $"{table} row {r + 1} column {column}: {box?.X}..{box?.X + box?.Width} outside 0..{width}");
            }
        }
    }

    // No heading wraps: each is one line box.
    private static async Task HeadingsOnOneLineAsync(IPage page, string table)
    {
        var lines = await page.EvaluateAsync<int[]>(
            $"() => [...document.querySelectorAll('{table} th')].map(th => {{ const r = document.createRange(); r.selectNodeContents(th); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }})");
        Assert.All(lines, n => Assert.True(n <= 1, $"a heading of {table} takes {n} lines"));
    }

    // On a phone the first row's item and status are on the first screen.
    private static async Task FirstScreenShowsTheItemAndStatusAsync(IPage page, int height)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, document.querySelector('table.desk-reminders').getBoundingClientRect().top + window.scrollY - 60)");
        foreach (var column in new[] { 3, 8 })
        {
            var box = await page.Locator($"table.desk-reminders tbody tr:first-child td:nth-child({column})").BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= height, $"column {column} of the first row is below the first screen");
        }
    }

    private async Task<string> ReplyLinkPathAsync(string division)
    {
        foreach (var file in Directory.EnumerateFiles(_host.Outbox, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Single().Name != division) continue;
            var link = ReplyLink().Match(message.TextBody ?? "");
            if (link.Success) return new Uri(link.Groups[1].Value).PathAndQuery;
        }
        throw new InvalidOperationException($"no 登记答复 link to {division} in {_host.Outbox}");
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Chromium.ArtifactsFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    [GeneratedRegex(@"^登记答复：(\S+)$", RegexOptions.Multiline)]
    private static partial Regex ReplyLink();

    // English words on a Chinese page (dates and codes such as YYYY-MM-DD or A are not words).
    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Latin();
}
