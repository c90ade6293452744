using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Sweep;

/// <summary>
/// The divisions' morning email (Reminders:Grouping division, the default) through <c>proposals sweep</c>
/// and a real SMTP conversation, on Monday 2019-09-30, the 通报's day and the last working day before
/// National Day:
/// <code>
///   0012 银行保险处 lead, due Oct 8: before-1 today; 金融服务处 its co-division, input due Aug 1: late
///   0027 金融服务处 lead, due Sep 27: overdue
///   0031 银行保险处 lead, due Sep 27, a key item: overdue
///   0045 综合处 lead, due Oct 8: before-1 today
/// </code>
/// </summary>
public sealed class MorningEmailTests : IAsyncLifetime
{
    private const string Day = "2019-09-30T09:00:00+08:00";
    private const string Leader = "fenguan@finance.example.org";
    private TempLedger _ledger = null!;
    private readonly ScriptedSmtpServer _server = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse(Day, System.Globalization.CultureInfo.InvariantCulture));

    public async Task InitializeAsync()
    {
        _ledger = await new TempLedger().WithDivisionsAsync();
        await new ItemStore(_ledger.Database).UpsertAsync([
            Make("0012", "2019-07-01", "2019-10-08", lead: "银行保险处", co: ["金融服务处"], coDue: "2019-08-01"),
            Make("0027", "2019-06-27", "2019-09-27", lead: "金融服务处", kind: Domain.Ledger.ItemKind.Cppcc, session: "十四届三次", coDue: "2019-07-29"),
            Make("0031", "2019-06-27", "2019-09-27", lead: "银行保险处", key: true, coDue: "2019-07-29"),
            Make("0045", "2019-07-01", "2019-10-08", lead: "综合处", coDue: "2019-08-01"),
        ]);
    }

    private Infrastructure.Cli Cli(params (string Key, string Value)[] more)
    {
        var settings = SweepLedger.Smtp(_server.Port);
        settings["Reminders:Grouping"] = "division";
        settings["Mail:Leader"] = Leader;
        foreach (var (key, value) in more) settings[key] = value;
        return new Infrastructure.Cli(settings, _clock);
    }

    private Task<Infrastructure.Cli.Result> SweepAsync(string day = Day, params (string Key, string Value)[] more) =>
        Cli(more).RunAsync("sweep", "--as-of", day, "--db", _ledger.Path);

    [Fact]
    public async Task EachDivision_GetsOneEmail_CountedInItsSubject_TheHeadOnlyForItsOwnOverdue_AndTheCoordinatorTheSummaryAndTheBulletin()
    {
        var result = await SweepAsync();

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var mail = Messages();
        Assert.Equal(5, mail.Count);
        var yinbao = Single(mail, "yinbao@finance.example.org");
        Assert.Equal("【催办】银行保险处：今日待办2件（其中超期1件）", yinbao.Subject);
        Assert.Equal(["yinbao.head@finance.example.org"], yinbao.Cc.Mailboxes.Select(m => m.Address));
        // Overdue first: the key item 0031, then 0012's reminder the day before its due date.
        Assert.True(Body(yinbao).IndexOf("第0031号", StringComparison.Ordinal) < Body(yinbao).IndexOf("第0012号", StringComparison.Ordinal), Body(yinbao));
        Assert.Contains("第1次督办", Body(yinbao), StringComparison.Ordinal);
        Assert.Equal(2, Events(yinbao));
        // 金融服务处 leads 0027 (overdue) and owes 0012 its input (late): one email, its input line copying no head.
        var fuwu = Single(mail, "fuwu@finance.example.org");
        Assert.Equal("【催办】金融服务处：今日待办2件（其中超期2件）", fuwu.Subject);
        Assert.Contains("协办意见反馈期限", Body(fuwu), StringComparison.Ordinal);
        var zonghe = mail.Where(m => m.To.Mailboxes.Single().Address == SweepLedger.Coordinator).ToList();
        Assert.Equal(3, zonghe.Count); // 综合处's own morning email, the summary and the 通报
        Assert.Equal("【催办】综合处：今日待办1件", zonghe.Single(m => Id(m).StartsWith("reminders.", StringComparison.Ordinal)).Subject);
        var summary = zonghe.Single(m => Id(m).StartsWith("summary.", StringComparison.Ordinal));
        Assert.StartsWith("【催办汇总】2019年9月30日：发出3封", summary.Subject, StringComparison.Ordinal);
        var bulletin = zonghe.Single(m => Id(m).StartsWith("bulletin.", StringComparison.Ordinal));
        Assert.Equal("【通报】截至2019年9月30日超期未办复2件（其中重点督办1件）", bulletin.Subject);
        Assert.Equal([Leader], bulletin.Cc.Mailboxes.Select(m => m.Address));
        // Nobody else is copied on a division's email: not 综合处, not the leader.
        Assert.DoesNotContain(mail.Where(m => Id(m).StartsWith("reminders.", StringComparison.Ordinal)),
            m => m.Cc.Mailboxes.Any(c => c.Address is SweepLedger.Coordinator or Leader));
        // Every row an email carried records its Message-ID and the day of the email.
        var rows = await RowsAsync();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("2019-09-30", r.GetProperty("emailOn").GetString()));
        Assert.Equal(3, rows.Select(r => r.GetProperty("messageId").GetString()).Distinct().Count());
        Assert.Equal(yinbao.MessageId, rows.First(r => r.GetProperty("number").GetString() == "0031").GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task TheSameDayAgain_SendsNothing_AndWhatBecomesOwedAfterTheEmail_WaitsForTheNextWorkingMorning()
    {
        Assert.Equal(0, (await SweepAsync()).ExitCode);
        var first = _server.Messages.Count;

        // Later that day an item arrives due in three days: 综合处's email of the day has gone.
        await new ItemStore(_ledger.Database).UpsertAsync([Make("0050", "2019-07-08", "2019-10-08", lead: "综合处", coDue: "2019-08-08", title: "关于优化营商环境的建议")]);
        var again = await SweepAsync();

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first, _server.Messages.Count);
        Assert.Contains("待明早随处室邮件发出 1", again.Out, StringComparison.Ordinal);
        // The next working morning (after National Day) it goes in 综合处's email, alone of that day's lines.
        _clock.SetUtcNow(DateTimeOffset.Parse("2019-10-08T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        var next = await SweepAsync("2019-10-08T09:00:00+08:00");
        Assert.Equal(0, next.ExitCode);
        var zonghe = Messages().Skip(first).Where(m => Id(m).StartsWith("reminders.", StringComparison.Ordinal) && m.To.Mailboxes.Single().Name == "综合处").ToList();
        Assert.Single(zonghe);
        Assert.Contains("第0050号", Body(zonghe[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedEmail_FailsEveryRowItCarried_WithTheServersWords_AndTheSummarySaysSo()
    {
        _server.RefuseRecipient("yinbao@finance.example.org", "550 5.1.1 <yinbao@finance.example.org>: Recipient address rejected");

        var result = await SweepAsync();

        var rows = await RowsAsync();
        var yinbao = rows.Where(r => r.GetProperty("division").GetString() == "银行保险处").ToList();
        Assert.Equal(2, yinbao.Count);
        Assert.All(yinbao, r => Assert.Equal("failed", r.GetProperty("state").GetString()));
        Assert.All(yinbao, r => Assert.Contains("550 5.1.1", r.GetProperty("error").GetString(), StringComparison.Ordinal));
        var summary = Messages().Single(m => Id(m).StartsWith("summary.", StringComparison.Ordinal));
        Assert.Contains("发送失败2条", summary.Subject, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1", Body(summary), StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task PastMaxItemsPerEmail_TheEmailListsTheMostUrgent_AndSaysHowManyMore()
    {
        var result = await SweepAsync(Day, ("Reminders:MaxItemsPerEmail", "1"), ("Dashboard:PublicUrl", "https://proposals.bureau.example"));

        Assert.Equal(0, result.ExitCode);
        var yinbao = Single(Messages(), "yinbao@finance.example.org");
        Assert.Equal("【催办】银行保险处：今日待办2件（其中超期1件）", yinbao.Subject);
        Assert.Contains("第0031号", Body(yinbao), StringComparison.Ordinal);
        Assert.DoesNotContain("第0012号", Body(yinbao), StringComparison.Ordinal);
        Assert.Contains("另有1件，请见看板：https://proposals.bureau.example/hangfire/progress?division=%E9%93%B6%E8%A1%8C%E4%BF%9D%E9%99%A9%E5%A4%84", Body(yinbao), StringComparison.Ordinal);
        Assert.Equal(1, Events(yinbao));
    }

    [Fact]
    public async Task GroupingItem_SendsOneEmailPerReminder_CopyingTheCoordinator_AsBefore_WithNoSummaryOrBulletin()
    {
        var result = await SweepAsync(Day, ("Reminders:Grouping", "item"));

        Assert.Equal(0, result.ExitCode);
        var mail = Messages();
        Assert.Equal(5, mail.Count);
        Assert.All(mail, m => Assert.StartsWith("reminder.", Id(m), StringComparison.Ordinal));
        Assert.Contains(mail, m => m.Cc.Mailboxes.Any(c => c.Address == SweepLedger.Coordinator));
    }

    private static string Id(MimeMessage m) => m.MessageId ?? "";

    private static string Body(MimeMessage m) => m.TextBody ?? "";

    private List<MimeMessage> Messages() =>
        _server.Messages.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();

    private static MimeMessage Single(IEnumerable<MimeMessage> mail, string to) =>
        Assert.Single(mail, m => m.To.Mailboxes.Single().Address == to && Id(m).StartsWith("reminders.", StringComparison.Ordinal));

    // The events of the email's due.ics.
    private static int Events(MimeMessage message)
    {
        var ics = message.Attachments.OfType<MimePart>().Single(a => a.FileName == "due.ics");
        using var text = new MemoryStream();
        ics.Content!.DecodeTo(text);
        return System.Text.Encoding.UTF8.GetString(text.ToArray()).Split("BEGIN:VEVENT").Length - 1;
    }

    private async Task<List<JsonElement>> RowsAsync()
    {
        var listed = await Cli().RunAsync("reminders", "--format", "json", "--db", _ledger.Path);
        Assert.Equal(0, listed.ExitCode);
        return JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().ToList();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _ledger.Dispose();
    }
}
