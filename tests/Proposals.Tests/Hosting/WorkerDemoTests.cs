using MimeKit;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Hosting;

/// <summary>
/// <c>proposals run --demo</c> for real: the host starts, the catch-up sweep queues one Hangfire job
/// per reminder, the emails land in the pickup folder, and the dashboard shows the jobs.
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class WorkerDemoTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-demo-").FullName;

    [Fact]
    public async Task Demo_SendsEveryKindOfReminder_AndTheDashboardShowsTheJobs()
    {
        var port = Ports.Free();
        var outbox = Path.Combine(_folder, "outbox");
        var cli = new Infrastructure.Cli(new Dictionary<string, string?>
        {
            ["Dashboard:Urls"] = $"http://127.0.0.1:{port}",
            ["Mail:PickupDirectory"] = outbox,
            ["Reports:Directory"] = Path.Combine(_folder, "reports"),
        }, Infrastructure.Cli.At("2019-09-30"));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run = cli.RunAsync(stop.Token, "run", "--demo", "--db", Path.Combine(_folder, "demo.db"));
        // One morning email per division owed something (银行保险处, 金融服务处, 地方金融监管处, 综合处), and 综合处's summary.
        var emails = await WaitForAsync(() => Directory.Exists(outbox) ? Directory.GetFiles(outbox, "reminders.*.eml").Length : 0, 4, run);
        var summaries = await WaitForAsync(() => Directory.GetFiles(outbox, "summary.*.eml").Length, 1, run);
        var reports = await WaitForAsync(() => Directory.GetFiles(outbox, "report.*.eml").Length, 1, run);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var recurring = await http.GetStringAsync("/hangfire/recurring");
        var succeeded = await WaitForPageAsync(http, "/hangfire/jobs/succeeded", "reminder");
        // The demo's reminders carry answer links to this worker, and a link opens its form.
        var bodies = Directory.GetFiles(outbox, "reminders.*.eml").Select(f => MimeMessage.Load(f).TextBody ?? "").ToList();
        var link = System.Text.RegularExpressions.Regex.Match(string.Join("\n", bodies), $@"http://127\.0\.0\.1:{port}/answer/[^\s>]+").Value;
        Assert.NotEqual("", link);
        var form = await http.GetStringAsync(new Uri(link));
        await stop.CancelAsync();
        var result = await run;

        Assert.Equal(4, emails);
        Assert.Equal(1, summaries);
        // The worker started after the month's first working day: the missed monthly report goes out once.
        Assert.Equal(1, reports);
        Assert.Contains("reminder-sweep", recurring);
        Assert.Contains("reminder", succeeded);
        Assert.Equal(0, result.ExitCode);
        var messages = Directory.GetFiles(outbox, "reminders.*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var supervised = messages.Single(m => m.To.Mailboxes.Single().Name == "地方金融监管处");
        Assert.Equal("【催办】地方金融监管处：今日待办3件（其中超期1件）", supervised.Subject);
        Assert.Contains("第1次督办", supervised.TextBody, StringComparison.Ordinal);
        Assert.Contains(messages, m => (m.TextBody ?? "").Contains("第D001号", StringComparison.Ordinal) && (m.TextBody ?? "").Contains("还有7天", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => (m.TextBody ?? "").Contains("D007", StringComparison.Ordinal) || (m.TextBody ?? "").Contains("D008", StringComparison.Ordinal));
        Assert.Contains("<form", form, StringComparison.Ordinal);
    }

    private static async Task<int> WaitForAsync(Func<int> count, int expected, Task<Infrastructure.Cli.Result> run)
    {
        for (var i = 0; i < 600 && count() < expected; i++)
        {
            if (run.IsCompleted) Assert.Fail($"the worker stopped early: {(await run).Error}");
            await Task.Delay(100);
        }
        await Task.Delay(500); // a late duplicate would show now
        return count();
    }

    private static async Task<string> WaitForPageAsync(HttpClient http, string path, string text)
    {
        var page = "";
        for (var i = 0; i < 100 && !page.Contains(text, StringComparison.Ordinal); i++)
        {
            page = await http.GetStringAsync(path);
            await Task.Delay(100);
        }
        return page;
    }


    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
