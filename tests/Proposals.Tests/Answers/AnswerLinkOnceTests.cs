using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Tests.Infrastructure;
using Proposals.Tests.Storage;
using Proposals.Worker.Answers;
using Proposals.Worker.Recording;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Answers;

/// <summary>
/// A division's link records once and only for a division the item is still assigned to: many requests
/// using one link at the same moment, over real HTTP against the real worker, leave one fact; after a
/// re-import gives the item another lead or other co-divisions, the former division's links record
/// nothing. Run on every provider (SqliteSuite.cs, PostgresSuite.cs): the database's key decides.
/// </summary>
public abstract partial class AnswerLinkOnceTests<TProvider> : StorageTestBase<TProvider>, IAsyncLifetime where TProvider : LedgerProvider, new()
{
    private const int Requests = 16;
    private static readonly ItemKey Key = new(ItemKind.Npc, "十五届一次", "0012");

    // 0012: assigned 2026-09-02, due today (2026-12-02, the worker's clock), lead 银行保险处, co-division 金融服务处.
    private static readonly Item Assigned = Make("0012", "2026-09-02", "2026-12-02", lead: "银行保险处", co: ["金融服务处"], coDue: "2026-10-09");

    private readonly TempLedger _folder = new();
    private SignInHost _host = null!;
    private long _itemId;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await new DivisionStore(Database).UpsertAsync(TempLedger.Divisions);
        await new ItemStore(Database).UpsertAsync([Assigned]);
        _itemId = (await new ItemStore(Database).FindAsync(Key))!.Id;
        _host = await SignInHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Proposals"] = Database.ConnectionString,
            ["Storage:Provider"] = Database.Provider.Name(),
            ["Dashboard:PublicUrl"] = SignInHost.PublicUrl,
        }, _folder);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
        await DisposeAsync();
    }

    [Fact]
    public async Task ManyRequestsOnOneCoDivisionsAckLink_RecordOneFact_AndEveryoneSeesItRecorded()
    {
        var ack = await LinkAsync("金融服务处", AnswerAction.Acknowledge);

        var pages = await PostAtOnceAsync(ack, new() { ["on"] = "2026-12-02" });

        AssertOneRecordedTheRestSawIt(pages);
        var facts = await FactsAsync();
        Assert.Equal([(FactKind.Acknowledgement, "金融服务处")], facts.Select(f => (f.Fact.Kind, f.Fact.Division!)));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM link_uses"));
    }

    [Fact]
    public async Task TheCoDivisionsAckLinksOfSeveralReminders_UsedAtOnce_RecordOneFact()
    {
        var links = new List<string>();
        for (var i = 0; i < 8; i++) links.Add(await LinkAsync("金融服务处", AnswerAction.Acknowledge));

        var pages = await Task.WhenAll(links.Select(link => PostAtOnceAsync(link, new() { ["on"] = "2026-12-02" }, requests: 2)));

        Assert.All(pages.SelectMany(p => p), p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var facts = await FactsAsync();
        Assert.Equal([(FactKind.Acknowledgement, "金融服务处")], facts.Select(f => (f.Fact.Kind, f.Fact.Division!)));
        Assert.Equal(8, await CountAsync("SELECT COUNT(*) FROM link_uses"));
    }

    [Fact]
    public async Task ManyRequestsOnOneReplyLink_RecordOneReply()
    {
        var reply = await LinkAsync("银行保险处", AnswerAction.Reply);

        var pages = await PostAtOnceAsync(reply, new() { ["on"] = "2026-12-01", ["class"] = "B" });

        AssertOneRecordedTheRestSawIt(pages);
        var fact = Assert.Single(await FactsAsync());
        Assert.Equal((FactKind.Reply, "银行保险处", "link"), (fact.Fact.Kind, fact.Fact.Division, fact.Via));
        var item = (await new ItemStore(Database).FindAsync(Key))!.Item;
        Assert.Equal((D("2026-12-01"), ReplyClass.B), (item.RepliedOn, item.ReplyClass));
    }

    [Fact]
    public async Task AfterAReImportGivesTheItemAnotherLead_TheFormerLeadsReplyLinkIsRefused_AndTheNewLeadsRecords()
    {
        var formerReply = await LinkAsync("银行保险处", AnswerAction.Reply);
        using var client = _host.Client();
        using var form = await client.GetAsync(formerReply);
        var token = FormToken(await form.Content.ReadAsStringAsync());

        // The coordinator's re-imported sheet names 金融服务处 the lead division, without co-divisions.
        await new ItemStore(Database).UpsertAsync([Assigned with { LeadDivision = "金融服务处", CoDivisions = [] }]);
        using var page = await client.GetAsync(formerReply);
        using var posted = await client.PostFormAsync(formerReply, Fields(token, new() { ["on"] = "2026-12-01", ["class"] = "A" }));
        var newReply = await LinkAsync("金融服务处", AnswerAction.Reply);
        using var newForm = await client.GetAsync(newReply);
        using var recorded = await client.PostFormAsync(newReply, Fields(FormToken(await newForm.Content.ReadAsStringAsync()), new() { ["on"] = "2026-12-02", ["class"] = "C" }));

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (page.StatusCode, posted.StatusCode));
        var refusal = await posted.Content.ReadAsStringAsync();
        Assert.Contains("此事项现由 金融服务处 主办并答复, 银行保险处 不登记答复", refusal, StringComparison.Ordinal);
        Assert.Contains("此链接未作任何记录", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var fact = Assert.Single(await FactsAsync());
        Assert.Equal((FactKind.Reply, "金融服务处", (ReplyClass?)ReplyClass.C), (fact.Fact.Kind, fact.Fact.Division, fact.Fact.Class));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM link_uses"));
    }

    [Fact]
    public async Task AfterAReImportDropsACoDivision_ItsAckAndCoInputLinksAreRefused_NothingRecorded()
    {
        var ack = await LinkAsync("金融服务处", AnswerAction.Acknowledge);
        var coInput = await LinkAsync("金融服务处", AnswerAction.CoInput);
        using var client = _host.Client();

        await new ItemStore(Database).UpsertAsync([Assigned with { CoDivisions = [] }]);
        using var ackPage = await client.GetAsync(ack);
        using var ackPost = await client.PostFormAsync(ack, [new("on", "2026-12-02")]);
        using var coInputPost = await client.PostFormAsync(coInput, [new("on", "2026-12-01")]);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (ackPage.StatusCode, ackPost.StatusCode, coInputPost.StatusCode));
        Assert.Contains("金融服务处 现在不是此事项的主办或协办处室, 此事项由 银行保险处 主办", await ackPost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("金融服务处 现在不是此事项的协办处室", await coInputPost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await FactsAsync());
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM link_uses"));
    }

    [Fact]
    public async Task TheRecorder_ChecksTheAssignmentItReads_WhenTheItemChangedAfterTheLinkWasOpened()
    {
        // The page was opened while 银行保险处 led; the item is reassigned before the form's fact is recorded.
        await new ItemStore(Database).UpsertAsync([Assigned with { LeadDivision = "金融服务处", CoDivisions = [] }]);
        var recorder = _host.App.Services.GetRequiredService<FactRecorder>();

        var outcome = await recorder.RecordAsync(_itemId, new LedgerFact(FactKind.Reply, D("2026-12-01"), "银行保险处", ReplyClass.A),
            "银行保险处 (邮件链接)", new LinkUse("nonce-0012", _itemId, "reply"));

        var refused = Assert.IsType<RecordOutcome.Refused>(outcome);
        Assert.Contains("此事项现由 金融服务处 主办并答复", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(await FactsAsync());
        Assert.Null((await new ItemStore(Database).FindAsync(Key))!.Item.RepliedOn);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM link_uses"));
    }

    /// <summary>Posts the form of <paramref name="path"/> <paramref name="requests"/> times at once, each over a connection of its own.</summary>
    private async Task<IReadOnlyList<(HttpStatusCode Status, string Html)>> PostAtOnceAsync(string path, Dictionary<string, string> fields, int requests = Requests)
    {
        // The antiforgery cookie is read off the form's response and sent by every request, as one browser's tabs would.
        using var opener = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _host.BaseAddress };
        using var form = await opener.GetAsync(path);
        var token = FormToken(await form.Content.ReadAsStringAsync());
        var cookies = form.Headers.TryGetValues("Set-Cookie", out var set) ? string.Join("; ", set.Select(c => c.Split(';')[0])) : "";
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, requests).Select(async _ =>
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _host.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(Fields(token, fields)) };
            request.Headers.Add("Cookie", cookies);
            await start.WaitAsync();
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(requests);
        return await Task.WhenAll(posts);
    }

    private static void AssertOneRecordedTheRestSawIt(IReadOnlyList<(HttpStatusCode Status, string Html)> pages)
    {
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(pages, p => p.Html.Contains("相关催办随即停止", StringComparison.Ordinal));
        Assert.Equal(Requests - 1, pages.Count(p => p.Html.Contains("使用, 已记录, 未重复记录", StringComparison.Ordinal)));
    }

    /// <summary>A link for <paramref name="division"/> signed with the worker's own key, as a reminder carries it.</summary>
    private async Task<string> LinkAsync(string division, AnswerAction action)
    {
        var key = await new SecretStore(Database).GetOrCreateAsync(AnswerLinks.KeyName);
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(9));
        return AnswerLinks.PathPrefix + new AnswerToken(_itemId, division, action, _host.Clock.GetUtcNow().AddDays(30), nonce).Sign(key);
    }

    private Task<IReadOnlyList<RecordedFact>> FactsAsync() => new FactStore(Database, new ItemStore(Database)).ForItemAsync(_itemId);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Fields(string token, Dictionary<string, string> fields) =>
        new(fields) { ["__RequestVerificationToken"] = token };

    private static string FormToken(string html)
    {
        var match = FormTokenField().Match(html);
        Assert.True(match.Success, "the form has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
