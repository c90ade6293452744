using System.Text;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Jobs;

namespace Proposals.Tests.Reporting.Schedule;

/// <summary>The scheduled reports end to end: a ledger file, the job or the command, a real SMTP server.</summary>
[Collection(Smtp4devCollection.Name)]
public sealed class ScheduledReportTests(Smtp4dev smtp) : IAsyncLifetime
{
    public Task InitializeAsync() => smtp.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SendCommand_MonthlyReport_ArrivesWithTheFiguresInTheBody_AndTheWorkbookAttached()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:30");

        var (code, output, error) = await scenario.SendAsync(smtp.SmtpPort);

        Assert.True(code == 0, output + error);
        var (message, workbook) = await ReportScenario.OnlyMessageAsync(smtp);
        Assert.Equal(ReportScenario.Coordinator, Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("2019-10", message.Subject, StringComparison.Ordinal);
        Assert.Equal("report.2019-10@finance.example.org", message.MessageId);
        Assert.Contains("<td class=\"n\">66.67%</td>", message.HtmlBody, StringComparison.Ordinal); // suggestions' reply rate
        Assert.Contains("<td class=\"n\">33.33%</td>", message.HtmlBody, StringComparison.Ordinal); // their on-time rate
        Assert.Contains("<td class=\"n\">75%</td>", message.HtmlBody, StringComparison.Ordinal); // both kinds
        Assert.Contains("金融服务处", message.HtmlBody, StringComparison.Ordinal);
        var byKind = ReportScenario.Sheets(workbook)["按类别"];
        var heading = byKind[0].Cast<string>().ToList();
        var total = byKind.Single(r => (string?)r[0] == "合计");
        Assert.Equal((4d, 3d, 0.75), (Convert.ToDouble(total[heading.IndexOf("主办")], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(total[heading.IndexOf("已办复")], System.Globalization.CultureInfo.InvariantCulture), total[heading.IndexOf("办复率")]));
    }

    [Fact]
    public async Task SendCommand_WritesTheFilesToTheReportsFolder_TheSameWorkbookAsMailed()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:30");

        await scenario.SendAsync(smtp.SmtpPort);

        var (_, workbook) = await ReportScenario.OnlyMessageAsync(smtp);
        var folder = Path.Combine(scenario.Reports, "2019-10");
        Assert.Equal(["report.html", "report.json", "report.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(workbook, await File.ReadAllBytesAsync(Path.Combine(folder, "report.xlsx")));
        var json = await File.ReadAllTextAsync(Path.Combine(folder, "report.json"), Encoding.UTF8);
        Assert.Contains("\"asOf\": \"2019-10-08\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCommand_Twice_SendsOnce_AndSaysSo()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:30");

        var first = await scenario.SendAsync(smtp.SmtpPort);
        scenario.Clock.Set("2019-10-09T11:00");
        var second = await scenario.SendAsync(smtp.SmtpPort, "--period", "2019-10");

        Assert.Equal((0, 0), (first.Code, second.Code));
        Assert.Contains("not sent again", second.Out, StringComparison.Ordinal);
        Assert.Single(await smtp.GetMessagesAsync());
        var run = await scenario.RunAsync("2019-10");
        Assert.Equal(ReportRunStore.Sent, run!.State);
        Assert.Contains("report.2019-10@finance.example.org", run.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyJob_SendsOnTheFirstWorkingDay_OnlyOnce()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-07T10:00");
        await using var services = scenario.Services(smtp.SmtpPort);

        await ReportScenario.Job(services).MonthlyAsync(CancellationToken.None); // the last day of the National Day holiday
        Assert.Empty(await smtp.GetMessagesAsync());
        Assert.Null(await scenario.RunAsync("2019-10"));

        scenario.Clock.Set("2019-10-08T09:00");
        await ReportScenario.Job(services).MonthlyAsync(CancellationToken.None);
        await ReportScenario.Job(services).MonthlyAsync(CancellationToken.None); // "Trigger now" in the dashboard
        scenario.Clock.Set("2019-10-21T09:00");
        await ReportScenario.Job(services).MonthlyAsync(CancellationToken.None);

        var (message, _) = await ReportScenario.OnlyMessageAsync(smtp);
        Assert.Contains("截至2019-10-08", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyJob_MissedOnTheFirstWorkingDay_SendsOnALaterDayOfTheMonth()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-15T14:00");
        await using var services = scenario.Services(smtp.SmtpPort);

        await ReportScenario.Job(services).MonthlyAsync(CancellationToken.None);

        var (message, _) = await ReportScenario.OnlyMessageAsync(smtp);
        Assert.Contains("截至2019-10-15", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearlyJob_InJanuary_SendsLastYearsFinalFigures_WithTheParagraphOnTop()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-01-02T09:00");
        await using var services = scenario.Services(smtp.SmtpPort);

        await ReportScenario.Job(services).YearlyAsync(CancellationToken.None);
        await ReportScenario.Job(services).YearlyAsync(CancellationToken.None);

        var (message, workbook) = await ReportScenario.OnlyMessageAsync(smtp);
        Assert.Contains("2018年", message.Subject, StringComparison.Ordinal);
        var paragraph = (await File.ReadAllTextAsync(Path.Combine(scenario.Reports, "2018-annual", "paragraph.txt"), Encoding.UTF8)).Trim();
        Assert.StartsWith("2018年", paragraph, StringComparison.Ordinal);
        var body = message.HtmlBody ?? "";
        Assert.True(body.IndexOf(System.Net.WebUtility.HtmlEncode(paragraph), StringComparison.Ordinal) is > 0 and var at && at < body.IndexOf("<table>", StringComparison.Ordinal), body);
        // Item 82 was answered on 2019-01-02: after the year's end, so not in the final figures.
        var total = ReportScenario.Sheets(workbook)["按类别"].Single(r => (string?)r[0] == "合计");
        Assert.Equal((2d, 1d), (Convert.ToDouble(total[1], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(total[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(ReportRunStore.Sent, (await scenario.RunAsync("2018-annual"))!.State);
    }

    [Fact]
    public async Task YearlyJob_AfterJanuary_SendsNothing()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-02-11T09:00");
        await using var services = scenario.Services(smtp.SmtpPort);

        await ReportScenario.Job(services).YearlyAsync(CancellationToken.None);

        Assert.Empty(await smtp.GetMessagesAsync());
        Assert.Null(await scenario.RunAsync("2018-annual"));
    }

    [Fact]
    public async Task TransientFailure_ThrowsForHangfiresRetry_AndTheRetrySends()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:00");
        await using (var busy = new ScriptedSmtpServer { DataReply = "451 4.3.0 Mail server temporarily busy" })
        await using (var services = scenario.Services(busy.Port))
        {
            var error = await Assert.ThrowsAsync<TransientSendException>(() => ReportScenario.Job(services).MonthlyAsync(CancellationToken.None));
            Assert.Contains("451", error.Message, StringComparison.Ordinal);
        }
        var failed = await scenario.RunAsync("2019-10");
        Assert.Equal(ReportRunStore.Failed, failed!.State);
        Assert.Contains("451 4.3.0", failed.Detail, StringComparison.Ordinal);

        scenario.Clock.Set("2019-10-08T09:01");
        await using (var services = scenario.Services(smtp.SmtpPort))
            await ReportScenario.Job(services).MonthlyAsync(CancellationToken.None);

        await ReportScenario.OnlyMessageAsync(smtp);
        Assert.Equal(ReportRunStore.Sent, (await scenario.RunAsync("2019-10"))!.State);
    }

    [Fact]
    public async Task PermanentFailure_FailsTheJob_AndRecordsTheServersWords()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:00");
        await using var refusing = new ScriptedSmtpServer { DataReply = "554 5.7.1 Message rejected by policy" };
        await using var services = scenario.Services(refusing.Port);

        await Assert.ThrowsAsync<PermanentSendException>(() => ReportScenario.Job(services).MonthlyAsync(CancellationToken.None));

        var run = await scenario.RunAsync("2019-10");
        Assert.Equal(ReportRunStore.Failed, run!.State);
        Assert.Contains("554 5.7.1 Message rejected by policy", run.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionLostAfterTheData_FailsTheJob_SayingTheReportMayHaveArrived()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:00");
        await using var dropping = new ScriptedSmtpServer { HangUpAfterNextData = true };
        await using var services = scenario.Services(dropping.Port);

        await Assert.ThrowsAsync<PermanentSendException>(() => ReportScenario.Job(services).MonthlyAsync(CancellationToken.None));

        var run = await scenario.RunAsync("2019-10");
        Assert.Equal(ReportRunStore.Uncertain, run!.State);
        Assert.Contains("it may have been delivered", run.Detail, StringComparison.Ordinal);
        Assert.Equal(1, dropping.DataReceived);
    }

    // A report that may have arrived is never sent again by the daily job or a restart; the coordinator resends it with --again.
    [Fact]
    public async Task AnUncertainReport_IsNotSentAgainByItself_OnlyWithAgain()
    {
        using var scenario = await ReportScenario.CreateAsync("2019-10-08T09:00");
        await using var dropping = new ScriptedSmtpServer { HangUpAfterNextData = true };
        await using (var services = scenario.Services(dropping.Port))
        {
            await Assert.ThrowsAsync<PermanentSendException>(() => ReportScenario.Job(services).MonthlyAsync(CancellationToken.None));
        }
        scenario.Clock.Set("2019-10-09T09:00");

        await using (var services = scenario.Services(dropping.Port)) await ReportScenario.Job(services).MonthlyAsync(CancellationToken.None);
        var plain = await scenario.SendAsync(smtp.SmtpPort, "--period", "2019-10");
        var again = await scenario.SendAsync(smtp.SmtpPort, "--period", "2019-10", "--again");

        Assert.Equal(1, dropping.DataReceived);
        Assert.Contains("--again", plain.Out, StringComparison.Ordinal);
        Assert.Equal(0, again.Code);
        Assert.Single(await smtp.GetMessagesAsync());
        Assert.Equal(ReportRunStore.Sent, (await scenario.RunAsync("2019-10"))!.State);
    }
}
