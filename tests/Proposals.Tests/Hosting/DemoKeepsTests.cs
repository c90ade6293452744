using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Hosting;

/// <summary>
/// <c>proposals run --demo</c> keeps its ledger like a real one: a reply recorded through a demo email's
/// link is still there after a restart days later, the items keep the dates they were built with,
/// and <c>--reset</c> starts afresh (a new set of items due around the new day, the reply and the old
/// outbox gone). <c>--reset</c> never deletes a ledger that holds items of its own.
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed partial class DemoKeepsTests : IDisposable
{
    private static readonly ItemKey D001 = new(ItemKind.Npc, "演示届次", "D001");
    private static readonly ItemKey D003 = new(ItemKind.Cppcc, "演示届次", "D003");

    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-demo-keeps-").FullName;

    private string Db => Path.Combine(_folder, "demo.db");
    private string Outbox => Path.Combine(_folder, "outbox");
    private string Reports => Path.Combine(_folder, "reports");

    [Fact]
    public async Task AReplyRecordedThroughADemoLink_SurvivesARestart_AndResetStartsAfresh()
    {
        // Monday 2019-09-30: the demo is built; 银行保险处 answers D001 from its reminder's 登记答复 link.
        var built = await RunAsync("2019-09-30", async http =>
        {
            await WaitForAsync(() => Directory.Exists(Outbox) ? Directory.GetFiles(Outbox, "reminders.*.eml").Length : 0, 4);
            var reply = ReplyLinkOf("D001", http.BaseAddress!.Port);
            var form = await http.GetStringAsync(reply);
            using var posted = await http.PostAsync(reply, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["on"] = "2019-09-30", ["class"] = "A", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(FormToken().Match(form).Groups[1].Value),
            }));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        });
        var (replied, _) = await LedgerAsync();

        // Tuesday 2019-10-08, after the National Day holiday: the worker starts again on the same demo ledger.
        var restarted = await RunAsync("2019-10-08", _ => Task.CompletedTask);
        var (kept, keptDue) = await LedgerAsync();
        var keptFacts = await FactsAsync(kept.Id);
        await File.WriteAllTextAsync(Path.Combine(Outbox, "before-reset.eml"), "an email of the old demo");
        Directory.CreateDirectory(Reports);
        await File.WriteAllTextAsync(Path.Combine(Reports, "before-reset.html"), "a report of the old demo");

        var reset = await RunAsync("2019-10-08", _ => Task.CompletedTask, "--reset");
        var (fresh, freshDue) = await LedgerAsync();
        var freshFacts = await FactsAsync(fresh.Id);

        Assert.Contains("8 件, 以 2019-09-30 为催办日", built.Out, StringComparison.Ordinal);
        Assert.Equal((D("2019-09-30"), (ReplyClass?)ReplyClass.A), (replied.Item.RepliedOn, replied.Item.ReplyClass));
        Assert.Contains("沿用已有 8 件及其记录, 建于 2019-09-30 前后", restarted.Out, StringComparison.Ordinal);
        Assert.Equal((D("2019-09-30"), (ReplyClass?)ReplyClass.A), (kept.Item.RepliedOn, kept.Item.ReplyClass));
        Assert.Equal([(FactKind.Reply, "link")], keptFacts.Select(f => (f.Fact.Kind, f.Via)));
        // The items age: D003 stays due on the day the demo was built.
        Assert.Equal(D("2019-09-30"), keptDue);
        Assert.Contains("已重置演示", reset.Out, StringComparison.Ordinal);
        Assert.Contains("8 件, 以 2019-10-08 为催办日", reset.Out, StringComparison.Ordinal);
        Assert.Null(fresh.Item.RepliedOn);
        Assert.Empty(freshFacts);
        Assert.Equal(D("2019-10-08"), freshDue);
        Assert.False(File.Exists(Path.Combine(Outbox, "before-reset.eml")), "the old demo's outbox was kept");
        Assert.False(File.Exists(Path.Combine(Reports, "before-reset.html")), "the old demo's reports were kept");
    }

    [Fact]
    public async Task Reset_RefusesALedgerWithItemsOfItsOwn_AndDeletesNothing()
    {
        var real = LedgerDatabase.ForFile(Db);
        SchemaMigrator.Upgrade(real);
        await new ItemStore(real).UpsertAsync([Items.Make("0012", "2019-07-01", "2019-10-08")]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Outbox);
        await File.WriteAllTextAsync(Path.Combine(Outbox, "kept.eml"), "an email");

        var result = await Demo("2019-10-08").RunAsync("run", "--demo", "--reset", "--db", Db);
        var withoutDemo = await Demo("2019-10-08").RunAsync("run", "--reset", "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 件不是演示事项, 不是演示台账, 未删除任何文件", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, withoutDemo.ExitCode);
        Assert.Contains("--reset 只与 --demo 同用", withoutDemo.Error, StringComparison.Ordinal);
        Assert.NotNull(await new ItemStore(real).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012")));
        Assert.True(File.Exists(Path.Combine(Outbox, "kept.eml")));
    }

    /// <summary>Runs the demo at 09:00 on <paramref name="day"/> until <paramref name="meanwhile"/> is done with its dashboard.</summary>
    private async Task<Infrastructure.Cli.Result> RunAsync(string day, Func<HttpClient, Task> meanwhile, params string[] more)
    {
        var port = Ports.Free();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = Demo(day, port).RunAsync(stop.Token, ["run", "--demo", "--db", Db, .. more]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; ; i++)
        {
            if (run.IsCompleted) Assert.Fail($"the demo stopped early: {(await run).Error}");
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (i < 600)
            {
            }
            await Task.Delay(100);
        }
        await meanwhile(http);
        await stop.CancelAsync();
        var result = await run;
        Assert.True(result.ExitCode == 0, result.Error);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return result;
    }

    private Infrastructure.Cli Demo(string day, int port = 0) => new(new Dictionary<string, string?>
    {
        ["Dashboard:Urls"] = $"http://127.0.0.1:{(port == 0 ? Ports.Free() : port)}",
        ["Mail:PickupDirectory"] = Outbox,
        ["Reports:Directory"] = Reports,
    }, Infrastructure.Cli.At(day));

    private async Task<(StoredItem Replied, DateOnly D003Due)> LedgerAsync()
    {
        var items = new ItemStore(LedgerDatabase.ForFile(Db));
        var d001 = await items.FindAsync(D001);
        var d003 = await items.FindAsync(D003);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (d001!, d003!.Item.DueOn);
    }

    private async Task<IReadOnlyList<RecordedFact>> FactsAsync(long itemId)
    {
        var database = LedgerDatabase.ForFile(Db);
        var facts = await new FactStore(database, new ItemStore(database)).ForItemAsync(itemId);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return facts;
    }

    private string ReplyLinkOf(string number, int port)
    {
        // The division's morning email lists the item, then its links: the first 登记答复 after its number is its own.
        var bodies = Directory.GetFiles(Outbox, "reminders.*.eml").Select(f => MimeMessage.Load(f).TextBody ?? "");
        var link = Regex.Match(string.Join("\n", bodies), $@"第{number}号[^\n]*\n(?:[^\n]*\n)*?登记答复：(http://127\.0\.0\.1:{port}/answer/\S+)");
        Assert.True(link.Success, $"no 登记答复 link for {number} in the demo's emails");
        return new Uri(link.Groups[1].Value).PathAndQuery;
    }

    private static async Task WaitForAsync(Func<int> count, int expected)
    {
        for (var i = 0; i < 600 && count() < expected; i++) await Task.Delay(100);
    }

    private static DateOnly D(string day) => Items.D(day);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
