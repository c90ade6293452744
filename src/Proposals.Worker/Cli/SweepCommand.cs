using Proposals.Worker.Hosting;
using System.CommandLine;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals sweep [--as-of DATETIME] [--dry-run]</c>: one sweep now, or as if it were DATETIME.
/// One line per reminder (number, division, stage, recipients), then a summary line. It sends
/// everything owed, however many; exit code 1 when some stay owed (the mail server unreachable, or a
/// reminder to be tried again later) or one's outcome is unknown, with the reason and each reminder
/// still owed by name. A server that stops answering ends it within Mail:Smtp:DataTimeoutSeconds.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(Console console)
    {
        var asOf = new Option<string?>("--as-of") { Description = "按此时刻执行 (run as if it were this time, ISO 8601, e.g. 2019-09-29T09:00:00+08:00)", HelpName = "DATETIME" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只显示计划, 不记录不发送 (print the plan only; record and send nothing)" };
        var db = CommonOptions.Db();
        var command = new Command("sweep", "执行一次催办 (run one reminder sweep)") { asOf, dryRun, db };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var now = parse.GetValue(asOf) is { } text ? CliDate.ParseInstant(text, "--as-of", context.Ledger.Zone) : context.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(context.Ledger.LocalTime(now));
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var calendar = await context.CalendarAsync().ConfigureAwait(false);
            context.WarnMissingYears(calendar, today, today.AddDays(31));
            if (parse.GetValue(dryRun))
            {
                var decision = await context.Get<ReminderSweep>().DecideAsync(today, calendar, dryRun: true,
                    line => console.Out.WriteLine($"{PlanText.Reminder(line.Reminder.Item, line.Reminder.Division, line.Reminder.Stage.Stage)}  {line.Recipients}  [计划 planned]"),
                    cancel).ConfigureAwait(false);
                await console.Out.WriteLineAsync(Planned(decision) + (decision.WorkingDay ? $" (dry run: {decision.Owed} planned, nothing recorded or sent)." : "")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var outcome = await context.Get<SweepRunner>().RunAsync(today, calendar, report =>
                console.Out.WriteLine($"{report.What}  [{Word(report.Result)}{(report.Result == SendResult.Sent ? "" : ": " + report.Detail)}]"), cancel).ConfigureAwait(false);
            foreach (var line in outcome.ToCoordinator)
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            await console.Out.WriteLineAsync(Summary(outcome)).ConfigureAwait(false);
            if (outcome.Drain.Unavailable is { } reason)
            {
                await console.Error.WriteLineAsync($"邮件无法发出, {outcome.StillOwed} 条催办仍待发送 (mail cannot leave; {outcome.StillOwed} reminders still owed): {reason}").ConfigureAwait(false);
                foreach (var name in outcome.Drain.GivenBackNames)
                    await console.Error.WriteLineAsync($"  仍待发送 (still owed): {name}").ConfigureAwait(false);
            }
            if (outcome.Count(SendResult.Uncertain) > 0)
            {
                await console.Error.WriteLineAsync($"{outcome.Count(SendResult.Uncertain)} 条催办结果不明, 不会自动重发; 确认后用 proposals reminders resend --id N 重发或 dismiss --id N 忽略 " +
                    $"({outcome.Count(SendResult.Uncertain)} reminder(s) with an unknown outcome are not sent again by themselves: see proposals reminders --state uncertain)").ConfigureAwait(false);
            }
            return outcome.StillOwed > 0 || outcome.Drain.Unavailable is not null || outcome.Count(SendResult.Uncertain) > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    private static string Word(SendResult result) => result switch
    {
        SendResult.Sent => "已发送 sent",
        SendResult.StillOwed => "待重发 still owed",
        SendResult.Failed => "失败 failed",
        SendResult.Cancelled => "取消 cancelled",
        SendResult.Superseded => "由新阶段取代 superseded",
        SendResult.NotYet => "未到日期 not yet",
        SendResult.Unavailable => "无法发出 mail unavailable",
        SendResult.Uncertain => "结果不明 uncertain",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    private static string Planned(SweepDecision decision)
    {
        var day = CliDate.Iso(decision.Day);
        if (!decision.WorkingDay) return $"{day} 不是工作日, 不发送催办 (not a working day: nothing sent).";
        return $"{day}: 检查 {decision.Candidates} 件, 应催办 {decision.Owed} 条, 跳过旧阶段 {decision.Skipped} 条";
    }

    private static string Summary(SweepOutcome outcome)
    {
        if (!outcome.Decision.WorkingDay) return Planned(outcome.Decision);
        int Count(SendResult r) => outcome.Count(r);
        var waiting = outcome.Waiting == 0 ? "" : $"; 待明早随处室邮件发出 {outcome.Waiting} ({outcome.Waiting} wait for the division's next morning email)";
        return Planned(outcome.Decision) + waiting +
               $"; 邮件 {outcome.Drain.Emails} 封 ({outcome.Drain.Emails} emails); 已发送 {Count(SendResult.Sent)}, 仍待发送 {outcome.StillOwed}, 失败 {Count(SendResult.Failed)}, 取消 {Count(SendResult.Cancelled)}, 结果不明 {Count(SendResult.Uncertain)}" +
               $" (sent {Count(SendResult.Sent)}, still owed {outcome.StillOwed}, failed {Count(SendResult.Failed)}, cancelled {Count(SendResult.Cancelled)}, uncertain {Count(SendResult.Uncertain)}).";
    }
}
