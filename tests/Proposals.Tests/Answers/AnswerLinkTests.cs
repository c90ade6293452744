using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Answers;

/// <summary>
/// Divisions answer from the email: the links in a real reminder, followed over real HTTP against the
/// real worker (users configured, so that anything else would ask to sign in), without an account.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class AnswerLinkTests : IAsyncLifetime
{
    // Wednesday 2026-12-02 16:28 in Beijing, the worker's clock: 0012 is due today, its co-division's input long overdue.
    private static readonly DateOnly Today = new(2026, 12, 2);
    private SignInHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        await _host.Ledger.WithDivisionsAsync();
        await new ItemStore(_host.Ledger.Database).UpsertAsync([
            Make("0012", "2026-09-02", "2026-12-02", lead: "银行保险处", co: ["金融服务处"], coDue: "2026-10-09") with { AcknowledgedOn = D("2026-09-03") },
        ]);
    }

    [Fact]
    public async Task AReminderCarriesItsLinks_ToThePublicAddress()
    {
        var links = await SweepAsync();

        Assert.Equal(new[] { "银行保险处 确认签收", "银行保险处 登记答复", "金融服务处 确认签收", "金融服务处 协办意见已送达" }.Order(StringComparer.Ordinal),
            links.Select(l => $"{l.Division} {l.Label}").Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.StartsWith(SignInHost.PublicUrl + "/answer/", l.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReplyLink_RecordsTheReply_WithoutAnAccount_AndTheLeadsRemindersStop()
    {
        var reply = (await SweepAsync()).Single(l => l.Label == "登记答复");
        using var division = _host.Client();

        using var form = await division.GetAsync(reply.Path);
        var html = await form.Content.ReadAsStringAsync();
        using var posted = await PostAsync(division, reply.Path, html, new() { ["on"] = "2026-12-01", ["class"] = "A", ["note"] = "已当面沟通" });

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("关于加大小微企业首贷支持力度的建议", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("已记录登记答复", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var item = (await StoredAsync()).Item;
        Assert.Equal((D("2026-12-01"), ReplyClass.A), (item.RepliedOn, item.ReplyClass));
        var fact = Assert.Single(await new FactStore(_host.Ledger.Database, new ItemStore(_host.Ledger.Database)).ForItemAsync((await StoredAsync()).Id));
        Assert.Equal((FactKind.Reply, "银行保险处 (邮件链接)", "link", "已当面沟通"), (fact.Fact.Kind, fact.RecordedBy, fact.Via, fact.Fact.Reason));
        Assert.Empty(ReminderPlan.OwedFor(item, Today.AddDays(1), Calendar, ReminderPolicy.Default));
    }

    [Fact]
    public async Task TheCoInputLink_StopsThatCoDivisionsReminders()
    {
        var coInput = (await SweepAsync()).Single(l => l.Label == "协办意见已送达");
        using var division = _host.Client();
        using var form = await division.GetAsync(coInput.Path);

        using var posted = await PostAsync(division, coInput.Path, await form.Content.ReadAsStringAsync(), new() { ["on"] = "2026-11-30" });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var item = (await StoredAsync()).Item;
        Assert.Equal([new CoInput("金融服务处", D("2026-11-30"))], item.CoInputs);
        Assert.DoesNotContain(ReminderPlan.OwedFor(item, Today.AddDays(7), Calendar, ReminderPolicy.Default), o => o.Division == "金融服务处");
    }

    [Fact]
    public async Task ATamperedLink_GetsAPlainChinesePage_And400_NothingChanged()
    {
        var reply = (await SweepAsync()).Single(l => l.Label == "登记答复");
        var token = reply.Path["/answer/".Length..];
        var flipped = "/answer/" + (token[0] == 'A' ? 'B' : 'A') + token[1..];
        using var division = _host.Client();

        using var page = await division.GetAsync(flipped);
        using var post = await division.PostFormAsync(flipped, [new("on", "2026-12-01"), new("class", "A")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("链接无效", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Null((await StoredAsync()).Item.RepliedOn);
    }

    [Fact]
    public async Task AnExpiredLink_Gets410_NothingChanged()
    {
        var reply = (await SweepAsync()).Single(l => l.Label == "登记答复");
        using var division = _host.Client();
        using var form = await division.GetAsync(reply.Path);
        var html = await form.Content.ReadAsStringAsync();

        _host.Clock.Advance(TimeSpan.FromDays(31));
        using var late = await division.GetAsync(reply.Path);
        using var post = await PostAsync(division, reply.Path, html, new() { ["on"] = "2026-12-01", ["class"] = "A" });

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("链接已过期", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Null((await StoredAsync()).Item.RepliedOn);
    }

    [Fact]
    public async Task AUsedLink_RecordsOnce_AndTheReplaySeesTheFactOnRecord()
    {
        var ack = (await SweepAsync()).Single(l => l.Label == "确认签收" && l.Division == "金融服务处");
        using var division = _host.Client();
        using var form = await division.GetAsync(ack.Path);
        var html = await form.Content.ReadAsStringAsync();

        using var first = await PostAsync(division, ack.Path, html, new() { ["on"] = "2026-12-02" });
        using var replay = await PostAsync(division, ack.Path, html, new() { ["on"] = "2026-12-02" });
        using var again = await division.GetAsync(ack.Path);

        // A second click is no error for the division: it is told the fact is on record, and nothing more is written.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Contains("已记录, 未重复记录", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("此链接已于", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var facts = await new FactStore(_host.Ledger.Database, new ItemStore(_host.Ledger.Database)).ForItemAsync((await StoredAsync()).Id);
        Assert.Equal([(FactKind.Acknowledgement, "金融服务处")], facts.Select(f => (f.Fact.Kind, f.Fact.Division!)));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_NothingChanged()
    {
        var reply = (await SweepAsync()).Single(l => l.Label == "登记答复");
        using var division = _host.Client();
        using var form = await division.GetAsync(reply.Path);

        using var post = await division.PostFormAsync(reply.Path, [new("on", "2026-12-01"), new("class", "A")]);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("表单已失效", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await StoredAsync()).Item.RepliedOn);
    }

    [Fact]
    public async Task AReplyThatContradictsTheRecord_IsRefusedOnTheForm_AndTheLinkStaysUsable()
    {
        var reply = (await SweepAsync()).Single(l => l.Label == "登记答复");
        using var division = _host.Client();
        using var form = await division.GetAsync(reply.Path);
        var html = await form.Content.ReadAsStringAsync();

        using var early = await PostAsync(division, reply.Path, html, new() { ["on"] = "2026-08-01", ["class"] = "A" });
        using var right = await PostAsync(division, reply.Path, html, new() { ["on"] = "2026-12-02", ["class"] = "B" });

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("早于交办日期", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(ReplyClass.B, (await StoredAsync()).Item.ReplyClass);
    }

    private sealed record Link(string Division, string Label, string Url)
    {
        public string Path => new Uri(Url).PathAndQuery;
    }

    private static Domain.Calendar.WorkingCalendar Calendar { get; } = new(Domain.Calendar.ShippedCalendar.Load());

    private async Task<StoredItem> StoredAsync() =>
        (await new ItemStore(_host.Ledger.Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012")))!;

    /// <summary>Sweeps today through the worker's own parts and reads the links out of the emails it wrote.</summary>
    private async Task<IReadOnlyList<Link>> SweepAsync()
    {
        var services = _host.App.Services;
        var calendar = await services.GetRequiredService<CalendarSource>().LoadAsync();
        await services.GetRequiredService<SweepRunner>().RunAsync(Today, calendar, _ => { });
        // The worker's own catch-up sweep and drain may have taken the reminders first: wait for both
        // emails, the lead's and the co-division's, with their four links.
        var links = new List<Link>();
        var seen = new List<string>();
        for (var waited = 0; ; waited++)
        {
            (links, seen) = await LinksInOutboxAsync();
            if (links.Count >= 4 || waited >= 100) break;
            await Task.Delay(100);
        }
        Assert.True(links.Count == 4, $"expected 4 links in the emails, found: {string.Join("; ", links)}\nemails: {string.Join("; ", seen)}\n{_host.Errors()}");
        return links;
    }

    private async Task<(List<Link> Links, List<string> Emails)> LinksInOutboxAsync()
    {
        var links = new List<Link>();
        var emails = new List<string>();
        if (!Directory.Exists(_host.Outbox)) return (links, emails);
        foreach (var file in Directory.EnumerateFiles(_host.Outbox, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            var division = message.To.Mailboxes.Single().Name;
            emails.Add($"{Path.GetFileName(file)} to {division}: {message.Subject}");
            foreach (Match m in LinkLine().Matches(message.TextBody ?? "")) links.Add(new Link(division!, m.Groups[1].Value, m.Groups[2].Value));
        }
        return (links, emails);
    }

    private static async Task<HttpResponseMessage> PostAsync(SignInClient client, string path, string formHtml, Dictionary<string, string> fields)
    {
        var token = FormToken().Match(formHtml);
        Assert.True(token.Success, "the form has no antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostFormAsync(path, fields);
    }

    [GeneratedRegex(@"^(确认签收|登记答复|协办意见已送达)：(\S+)$", RegexOptions.Multiline)]
    private static partial Regex LinkLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
