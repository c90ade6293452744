using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Desk;

/// <summary>
/// The item page over real HTTP against the real worker, signed in: what it shows, each form recorded
/// through the ledger's rules with who and <c>via: desk</c>, and every way a change is refused.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class ItemPageTests : IAsyncLifetime
{
    // Wednesday 2026-12-02, the worker's clock.
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly ItemKey Overdue = new(ItemKind.Npc, "十五届一次", "0012");
    private static readonly ItemKey Slashed = new(ItemKind.Cppcc, "十四届/一次", "提\\0008");
    private const string OverduePath = "/hangfire/items/npc/%E5%8D%81%E4%BA%94%E5%B1%8A%E4%B8%80%E6%AC%A1/0012";
    private SignInHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        await _host.Ledger.WithDivisionsAsync();
        await new ItemStore(_host.Ledger.Database).UpsertAsync([
            Make("0012", "2026-08-20", "2026-11-20", lead: "银行保险处", co: ["金融服务处"], key: true) with { AcknowledgedOn = D("2026-08-21"), ReturnBy = D("2026-09-03") },
            Make("0045", "2026-03-20", "2026-06-22", lead: "综合处", replied: "2026-06-10", replyClass: ReplyClass.A),
            Make(Slashed.Number, "2026-09-07", "2026-12-07", kind: ItemKind.Cppcc, session: Slashed.Session, lead: "金融服务处", title: "关于推进普惠金融服务站建设的提案"),
        ]);
        var services = _host.App.Services;
        await services.GetRequiredService<SweepRunner>().RunAsync(Today, await services.GetRequiredService<CalendarSource>().LoadAsync(), _ => { });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheItem_OpensFromProgress_WithItsFactsDeadlinesRemindersAndForms()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var progress = await (await coordinator.GetAsync("/hangfire/progress")).Content.ReadAsStringAsync();
        var href = WebUtility.HtmlDecode(ItemHref().Matches(progress).Select(m => m.Groups[1].Value).First(h => h.EndsWith("/0012", StringComparison.Ordinal)));

        using var page = await coordinator.GetAsync(href);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(OverduePath, href);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("人大代表建议 十五届一次 第0012号", html, StringComparison.Ordinal);
        Assert.Contains("已超期 12 天", html, StringComparison.Ordinal);
        Assert.Contains("<td>原办理期限</td><td>2026-11-20</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>协办意见送达期限</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>退回申请期限</td><td>2026-09-03</td>", html, StringComparison.Ordinal);
        Assert.Contains("yinbao@finance.example.org", Between(html, "id=\"timeline\"", "</ul>"));
        foreach (var form in new[] { "ack", "reply", "co-input", "evaluation", "extension", "return", "return-decision", "publication", "undo" })
            Assert.Contains($"name=\"form\" value=\"{form}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnItemWhoseSessionOrNumberHoldsASlash_IsLinkedAndFoundByTheQuery()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var progress = await (await coordinator.GetAsync("/hangfire/progress")).Content.ReadAsStringAsync();
        var href = WebUtility.HtmlDecode(ItemHref().Matches(progress).Select(m => m.Groups[1].Value).First(h => h.Contains("session=", StringComparison.Ordinal)));

        using var page = await coordinator.GetAsync(href);

        Assert.StartsWith("/hangfire/items?kind=cppcc&session=", href, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("政协提案 十四届/一次 第提\\0008号", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await coordinator.GetAsync("/hangfire/items/npc/x/9999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ACoordinatorRecordsAReplyAndUndoesIt_KeptWithTheUserAndViaDesk()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        using var replied = await PostAsync(coordinator, OverduePath, "reply", ("on", "2026-12-01"), ("class", "A"), ("note", "已书面答复代表"));
        var afterReply = await (await coordinator.GetAsync(replied.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        using var undone = await PostAsync(coordinator, OverduePath, "undo", ("fact", "reply"), ("reason", "答复日期登记错误"));

        Assert.Equal(HttpStatusCode.SeeOther, replied.StatusCode);
        Assert.Equal(OverduePath + "?done=reply", replied.Headers.Location!.OriginalString);
        Assert.Contains("已记录 答复 (recorded)", afterReply, StringComparison.Ordinal);
        Assert.Contains($"{SignInHost.Coordinator} (via: desk)", afterReply, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, undone.StatusCode);
        var reply = Assert.Single(await FactsAsync(), f => f.Fact.Kind == FactKind.Reply);
        Assert.Equal(("desk", SignInHost.Coordinator, D("2026-12-01"), ReplyClass.A), (reply.Via, reply.RecordedBy, reply.Fact.On, reply.Fact.Class));
        Assert.Equal((SignInHost.Coordinator, "答复日期登记错误"), (reply.UndoneBy, reply.UndoReason));
        Assert.Null((await ItemAsync()).Item.RepliedOn);
        var afterUndo = await (await coordinator.GetAsync(OverduePath)).Content.ReadAsStringAsync();
        Assert.Contains($"已撤销 (undone)", afterUndo, StringComparison.Ordinal);
        Assert.Contains("答复日期登记错误", afterUndo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewer_SeesTheItemWithoutForms_AndEveryPostIsRefused()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);
        var before = await ItemAsync();

        using var page = await viewer.GetAsync(OverduePath);
        var html = await page.Content.ReadAsStringAsync();
        var statuses = new List<HttpStatusCode>();
        foreach (var form in new[] { "ack", "reply", "co-input", "evaluation", "extension", "return", "return-decision", "publication", "undo" })
        {
            using var posted = await viewer.PostFormAsync("/hangfire/items/record", Fields(before, form, ("on", "2026-12-01"), ("class", "A"), ("reason", "x"), ("fact", "reply")));
            statuses.Add(posted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("第0012号", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/hangfire/items/record", html, StringComparison.Ordinal);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal(before.UpdatedAt, (await ItemAsync()).UpdatedAt);
        Assert.Empty(await FactsAsync());
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_AndNothingIsRecorded()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var before = await ItemAsync();

        using var posted = await coordinator.PostFormAsync("/hangfire/items/record", Fields(before, "reply", ("on", "2026-12-01"), ("class", "A")));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Empty(await FactsAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task TheChangeRoute_AnswersPostOnly(string method)
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var before = await ItemAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), "/hangfire/items/record?form=reply&kind=npc&number=0012&on=2026-12-01&class=A");
        if (method != "HEAD") request.Content = new FormUrlEncodedContent(Fields(before, "reply", ("on", "2026-12-01"), ("class", "A")));
        using var response = await coordinator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(await FactsAsync());
    }

    [Fact]
    public async Task ThePageItself_TakesNoPost_EvenWithTheToken()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var before = await ItemAsync();

        using var posted = await coordinator.PostFormAsync(OverduePath,
            Fields(before, "reply", ("on", "2026-12-01"), ("class", "A"), ("__RequestVerificationToken", await TokenAsync(coordinator))));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
        Assert.Empty(await FactsAsync());
    }

    [Theory]
    [InlineData("reply", "on", "2026-13-45", "on", "日期: 日期无效 \"2026-13-45\"")]
    [InlineData("extension", "to", "明年", "to", "新的办理期限: 日期无效 \"明年\"")]
    [InlineData("extension", "to", "", "to", "请填写新的办理期限")]
    [InlineData("co-input", "on", "2026-12-01", "division", "请选择协办处室")]
    [InlineData("reply", "class", "E", "class", "答复类别: 无法识别 \"E\"")]
    [InlineData("evaluation", "satisfaction", "还行", "satisfaction", "满意度: 无法识别 \"还行\"")]
    [InlineData("undo", "fact", "reply", "reason", "撤销需写明原因")]
    public async Task ABadField_IsShownBesideIt_AndNothingChanges(string form, string field, string value, string errorField, string message)
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var before = await ItemAsync();

        using var posted = await PostAsync(coordinator, OverduePath, form, (field, value));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var opened = Between(html, $"id=\"form-{form}\" open>", "</details>");
        var group = Between(opened, $"for=\"{form}-{errorField}\"", "</div>");
        Assert.Contains("field-error", group, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(message), group, StringComparison.Ordinal);
        if (field != errorField || value.Length > 0) Assert.Contains(WebUtility.HtmlEncode(value), opened, StringComparison.Ordinal);
        Assert.Equal(before.UpdatedAt, (await ItemAsync()).UpdatedAt);
        Assert.Empty(await FactsAsync());
    }

    [Theory]
    [InlineData("reply", "2026-08-01", "", "早于交办日期 2026-08-20")]
    [InlineData("reply", "2026-12-03", "", "晚于今天 2026-12-02")]
    [InlineData("evaluation", "2026-12-01", "", "尚未答复, 不能测评")]
    [InlineData("extension", "2026-11-10", "", "延期需写明原因")]
    [InlineData("return", "2026-12-01", "", "退回需写明原因")]
    [InlineData("return", "2026-12-01", "不属本局职责", "逾期不作调整")]
    [InlineData("return-decision", "2026-12-01", "", "没有待决定的退回申请")]
    [InlineData("ack", "2026-12-01", "", "已于 2026-08-21 签收")]
    [InlineData("publication", "2026-12-01", "", "尚未答复, 不能公开")]
    [InlineData("undo", "", "登记错误", "没有可撤销的答复")]
    public async Task AFactTheRulesRefuse_IsShownWithTheForm_AndNothingChanges(string form, string on, string reason, string refusal)
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var before = await ItemAsync();

        using var posted = await PostAsync(coordinator, OverduePath, form,
            ("on", on), ("reason", reason), ("class", "A"), ("satisfaction", "满意"), ("decision", "approved"), ("to", "2027-01-15"), ("approved-on", on), ("fact", "reply"));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(refusal), Between(Between(html, $"id=\"form-{form}\" open>", "</details>"), "class=\"alert alert-danger refusal\">", "</div>"));
        Assert.Equal(before.UpdatedAt, (await ItemAsync()).UpdatedAt);
        Assert.Empty(await FactsAsync());
    }

    [Fact]
    public async Task AStaleForm_IsRefusedAsChangedBySomeoneElse_AndShowsTheCurrentValues()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var shown = await ItemAsync();
        // Meanwhile someone records the reply at the command line.
        var recorder = _host.App.Services.GetRequiredService<Proposals.Worker.Recording.FactRecorder>();
        Assert.IsType<Proposals.Worker.Recording.RecordOutcome.Recorded>(
            await recorder.RecordAsync(Overdue, new LedgerFact(FactKind.Reply, D("2026-11-30"), Class: ReplyClass.B), "lisi", "record"));
        var current = await ItemAsync();

        using var posted = await coordinator.PostFormAsync("/hangfire/items/record",
            Fields(shown, "reply", ("on", "2026-12-01"), ("class", "A"), ("__RequestVerificationToken", await TokenAsync(coordinator))));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("已被他人修改", Between(html, "id=\"stale\">", "</div>"));
        Assert.Contains("2026-11-30 (B类)", html, StringComparison.Ordinal);   // the current reply, not the one typed
        Assert.Contains($"name=\"version\" value=\"{current.UpdatedAt.UtcTicks}\"", html, StringComparison.Ordinal);
        Assert.Equal(current.UpdatedAt, (await ItemAsync()).UpdatedAt);
        Assert.Equal("lisi", Assert.Single(await FactsAsync()).RecordedBy);
    }

    [Fact]
    public async Task TwoCoordinatorsPostingFromTheSameVersion_TheSecondIsToldTheItemChanged()
    {
        using var first = await SignedInAsync(SignInHost.Coordinator);
        using var second = await SignedInAsync(SignInHost.Coordinator);
        var firstPage = await (await first.GetAsync(OverduePath)).Content.ReadAsStringAsync();
        var secondPage = await (await second.GetAsync(OverduePath)).Content.ReadAsStringAsync();

        using var delivered = await PostFromAsync(first, firstPage, "co-input", ("division", "金融服务处"), ("on", "2026-12-01"));
        using var stale = await PostFromAsync(second, secondPage, "ack", ("division", "金融服务处"), ("on", "2026-12-01"));

        Assert.Equal(HttpStatusCode.SeeOther, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被他人修改", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(FactKind.CoInput, Assert.Single(await FactsAsync()).Fact.Kind);
    }

    // Opens the item page for its token and version, and posts one of its forms with the values given.
    private static async Task<HttpResponseMessage> PostAsync(SignInClient client, string path, string form, params (string Name, string Value)[] values) =>
        await PostFromAsync(client, await (await client.GetAsync(path)).Content.ReadAsStringAsync(), form, values);

    // Posts one of the forms of the item page <paramref name="html"/> with the values given.
    private static async Task<HttpResponseMessage> PostFromAsync(SignInClient client, string html, string form, params (string Name, string Value)[] values)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("form", form), new("kind", Hidden(html, "kind")), new("session", Hidden(html, "session")), new("number", Hidden(html, "number")),
            new("version", Hidden(html, "version")), new("__RequestVerificationToken", Hidden(html, "__RequestVerificationToken")),
        };
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return await client.PostFormAsync("/hangfire/items/record", fields);
    }

    private static async Task<string> TokenAsync(SignInClient client) => Hidden(await (await client.GetAsync(OverduePath)).Content.ReadAsStringAsync(), "__RequestVerificationToken");

    private static List<KeyValuePair<string, string>> Fields(StoredItem item, string form, params (string Name, string Value)[] values) =>
    [
        new("form", form), new("kind", item.Item.Key.Kind.Code()), new("session", item.Item.Key.Session), new("number", item.Item.Key.Number),
        new("version", item.UpdatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)),
    ];

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\">");
        Assert.True(match.Success, $"no hidden {name} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<StoredItem> ItemAsync() => (await new ItemStore(_host.Ledger.Database).FindAsync(Overdue))!;

    private async Task<IReadOnlyList<RecordedFact>> FactsAsync() =>
        await new FactStore(_host.Ledger.Database, new ItemStore(_host.Ledger.Database)).ForItemAsync((await ItemAsync()).Id);

    private async Task<SignInClient> SignedInAsync(string user)
    {
        var client = _host.Client();
        await client.SignInOrFailAsync(user);
        return client;
    }

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {from} in the page");
        var end = html.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [GeneratedRegex("href=\"(/hangfire/items[^\"]*)\"")]
    private static partial Regex ItemHref();
}
