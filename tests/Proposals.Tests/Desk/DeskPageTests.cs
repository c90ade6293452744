using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Desk;

/// <summary>The coordinator's pages inside the dashboard, over real HTTP against the real worker, signed in.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class DeskPageTests : IAsyncLifetime
{
    // Wednesday 2026-12-02, the worker's clock.
    private static readonly DateOnly Today = new(2026, 12, 2);
    private SignInHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        await _host.Ledger.WithDivisionsAsync();
        await new ItemStore(_host.Ledger.Database).UpsertAsync([
            Make("0012", "2026-08-20", "2026-11-20", lead: "银行保险处", key: true) with { AcknowledgedOn = D("2026-08-21") },
            Make("0027", "2026-09-07", "2026-12-07", kind: ItemKind.Cppcc, session: "十四届一次", lead: "金融服务处") with { AcknowledgedOn = D("2026-09-08") },
            Make("0031", "2026-08-20", "2026-11-20", lead: "法规处") with { AcknowledgedOn = D("2026-08-21") },
            Make("0045", "2026-03-20", "2026-06-22", lead: "综合处", replied: "2026-06-10", satisfaction: Satisfaction.Satisfied, replyClass: ReplyClass.A),
        ]);
        var services = _host.App.Services;
        var calendar = await services.GetRequiredService<CalendarSource>().LoadAsync();
        await services.GetRequiredService<SweepRunner>().RunAsync(Today, calendar, _ => { });
    }

    [Fact]
    public async Task Progress_ShowsStatusesTheOverdueAndTheDueSoon_AndEachDivisionsRates()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        using var page = await coordinator.GetAsync("/hangfire/progress");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("办理进度", html, StringComparison.Ordinal);
        var overdue = Section(html, "已超期未办复");
        Assert.Contains("<td>0012</td>", overdue, StringComparison.Ordinal);
        Assert.Contains("<td>12</td>", overdue, StringComparison.Ordinal);   // 12 days overdue on Dec 2
        Assert.Contains("<td>0031</td>", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("0045", overdue, StringComparison.Ordinal);
        Assert.Contains("<td>0027</td>", Section(html, "7日内到期"), StringComparison.Ordinal);
        Assert.Contains("<td>综合处</td><td>人大代表建议</td><td>1</td><td>1</td><td>1</td>", Section(html, "各主办处室办理情况"), StringComparison.Ordinal);
        Assert.Contains("100%", Section(html, "各主办处室办理情况"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_FiltersByKindAndDivision()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        var cppcc = await (await coordinator.GetAsync("/hangfire/progress?kind=cppcc")).Content.ReadAsStringAsync();
        var banking = await (await coordinator.GetAsync("/hangfire/progress?division=" + Uri.EscapeDataString("银行保险处"))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<td>0012</td>", cppcc, StringComparison.Ordinal);
        Assert.Contains("<td>0027</td>", cppcc, StringComparison.Ordinal);
        Assert.Contains("<td>0012</td>", banking, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>0031</td>", banking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_ShowWhatWasSentToWhom_AndWhatFailedInTheServersWords()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        var html = await (await coordinator.GetAsync("/hangfire/reminders")).Content.ReadAsStringAsync();

        Assert.Contains("催办记录", html, StringComparison.Ordinal);
        Assert.Contains("yinbao@finance.example.org", html, StringComparison.Ordinal);
        Assert.Contains("yinbao.head@finance.example.org", html, StringComparison.Ordinal);   // overdue: the head copied
        Assert.Contains("发送失败", html, StringComparison.Ordinal);
        Assert.Contains("没有邮箱", html, StringComparison.Ordinal);
        Assert.Contains(">重发</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinatorResends_AFailedReminder_ItIsOwedAgain_AndWaitsForTheDivisionsNextMorningEmail()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var failed = await SentMadeAsync("failed");
        var html = await (await coordinator.GetAsync("/hangfire/reminders?state=failed")).Content.ReadAsStringAsync();

        using var posted = await coordinator.PostFormAsync("/hangfire/reminders/resend",
            [new("id", failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("now", "0"), new("__RequestVerificationToken", Token(html))]);
        var page = await (await coordinator.GetAsync(posted.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        // The sender was woken; 银行保险处's email of the day already went, so the row waits for the next one.
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.EndsWith($"/hangfire/reminders?resent={failed.Id}", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("将随该处室的下一封待办邮件发出", page, StringComparison.Ordinal);
        Assert.Equal(ReminderState.Owed, (await new ReminderStore(_host.Ledger.Database).FindAsync(failed.Id))!.State);
        Assert.DoesNotContain(await JobNamesUntilAsync("第0012号"), n => n.Contains("第0012号", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACoordinatorSendsAFailedReminderNow_ItGoesAlone_AndThePageSaysSo()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var failed = await SentMadeAsync("failed");
        var before = Directory.GetFiles(_host.Outbox, "*.eml").Length;
        var html = await (await coordinator.GetAsync("/hangfire/reminders?state=failed")).Content.ReadAsStringAsync();

        using var posted = await coordinator.PostFormAsync("/hangfire/reminders/resend",
            [new("id", failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("now", "1"), new("__RequestVerificationToken", Token(html))]);
        var page = await (await coordinator.GetAsync(posted.Headers.Location!.ToString())).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.EndsWith($"/hangfire/reminders?sent={failed.Id}&result=Sent", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("已单独发出", page, StringComparison.Ordinal);
        var row = (await new ReminderStore(_host.Ledger.Database).FindAsync(failed.Id))!;
        Assert.Equal((ReminderState.Sent, (DateOnly?)null), (row.State, row.EmailOn));
        Assert.Equal(before + 1, Directory.GetFiles(_host.Outbox, "*.eml").Length);
    }

    [Fact]
    public async Task AViewer_SeesNoResendButton_AndItsPostIsRefused()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);
        var failed = await FailedAsync();
        var html = await (await viewer.GetAsync("/hangfire/reminders")).Content.ReadAsStringAsync();

        using var posted = await viewer.PostFormAsync("/hangfire/reminders/resend", [new("id", failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Contains("发送失败", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">重发</button>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(ReminderState.Failed, (await new ReminderStore(_host.Ledger.Database).FindAsync(failed.Id))!.State);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("OPTIONS")]
    [InlineData("HEAD")]
    public async Task Resend_AnswersPostOnly_SoNoOtherMethodSkipsTheAntiforgeryCheck(string method)
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var failed = await FailedAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), $"/hangfire/reminders/resend?id={failed.Id}");
        if (method != "HEAD") request.Content = new FormUrlEncodedContent([new("id", failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        using var response = await coordinator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(ReminderState.Failed, (await new ReminderStore(_host.Ledger.Database).FindAsync(failed.Id))!.State);
    }

    [Fact]
    public async Task AnUncertainReminder_IsFlagged_WithResendAndDismiss_AndACoordinatorDismissesIt()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var uncertain = await UncertainAsync();

        var html = await (await coordinator.GetAsync("/hangfire/reminders?state=uncertain")).Content.ReadAsStringAsync();
        using var got = await coordinator.GetAsync("/hangfire/reminders/dismiss");
        using var posted = await coordinator.PostFormAsync("/hangfire/reminders/dismiss",
            [new("id", uncertain.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", Token(html))]);

        Assert.Contains("结果不明", html, StringComparison.Ordinal);
        Assert.Contains("may have arrived and are not sent again by themselves", html, StringComparison.Ordinal);
        Assert.Contains(">重发</button>", html, StringComparison.Ordinal);
        Assert.Contains(">忽略</button>", html, StringComparison.Ordinal);
        Assert.Contains("/hangfire/reminders/dismiss", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.EndsWith($"/hangfire/reminders?dismissed={uncertain.Id}", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        var after = (await new ReminderStore(_host.Ledger.Database).FindAsync(uncertain.Id))!;
        Assert.Equal(ReminderState.Dismissed, after.State);
        Assert.Contains(SignInHost.Coordinator, after.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewer_CannotDismiss()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);
        var uncertain = await UncertainAsync();

        var html = await (await viewer.GetAsync("/hangfire/reminders?state=uncertain")).Content.ReadAsStringAsync();
        using var posted = await viewer.PostFormAsync("/hangfire/reminders/dismiss", [new("id", uncertain.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.DoesNotContain(">忽略</button>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(ReminderState.Uncertain, (await new ReminderStore(_host.Ledger.Database).FindAsync(uncertain.Id))!.State);
    }

    // A reminder the mail server took whole but never answered for: made so from a sent one.
    private Task<ReminderRecord> UncertainAsync() => SentMadeAsync("uncertain");

    // 银行保险处's reminder of 0012, sent by the morning's sweep, made <paramref name="state"/> as a server would have left it.
    private async Task<ReminderRecord> SentMadeAsync(string state)
    {
        var sent = (await new ReminderStore(_host.Ledger.Database).ListAsync(new ReminderQuery(Division: "银行保险处", State: ReminderState.Sent)).ToListAsync()).First().Record;
        await using var connection = await _host.Ledger.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE reminders SET state = $state, last_error = 'the server did not reply within 600 s' WHERE id = $id";
        var newState = command.CreateParameter();
        newState.ParameterName = "$state";
        newState.Value = state;
        command.Parameters.Add(newState);
        var id = command.CreateParameter();
        id.ParameterName = "$id";
        id.Value = sent.Id;
        command.Parameters.Add(id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        return sent;
    }

    [Fact]
    public async Task AStranger_IsSentToSignIn()
    {
        using var stranger = _host.Client();

        using var page = await stranger.GetAsync("/hangfire/progress");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    // The worker's own Hangfire server may move the job from one state to the next between two of the
    // monitoring queries, so one look can miss it: look again until it shows or ten seconds pass.
    private async Task<List<string>> JobNamesUntilAsync(string name)
    {
        var jobs = _host.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var names = Enumerable.Empty<string>()
                .Concat(jobs.EnqueuedJobs("default", 0, 50).Select(j => j.Value.Job?.Args.ElementAtOrDefault(1) as string ?? ""))
                .Concat(jobs.ProcessingJobs(0, 50).Select(j => j.Value.Job?.Args.ElementAtOrDefault(1) as string ?? ""))
                .Concat(jobs.SucceededJobs(0, 50).Select(j => j.Value.Job?.Args.ElementAtOrDefault(1) as string ?? ""))
                .Concat(jobs.FailedJobs(0, 50).Select(j => j.Value.Job?.Args.ElementAtOrDefault(1) as string ?? ""))
                .Concat(jobs.ScheduledJobs(0, 50).Select(j => j.Value.Job?.Args.ElementAtOrDefault(1) as string ?? ""))   // a retry waits here
                .ToList();
            if (names.Contains(name) || DateTime.UtcNow > deadline) return names;
            await Task.Delay(100);
        }
    }

    private async Task<SignInClient> SignedInAsync(string user)
    {
        var client = _host.Client();
        await client.SignInOrFailAsync(user);
        return client;
    }

    private async Task<ReminderRecord> FailedAsync() =>
        Assert.Single(await new ReminderStore(_host.Ledger.Database).ListAsync(new ReminderQuery(State: ReminderState.Failed)).ToListAsync()).Record;

    // The part of the page from a heading to the next one.
    private static string Section(string html, string heading)
    {
        var start = html.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var end = html.IndexOf("<h3>", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    private static string Token(string html)
    {
        var match = FormToken().Match(html);
        Assert.True(match.Success, "no antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
