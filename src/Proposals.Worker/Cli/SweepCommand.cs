using Proposals.Worker.Hosting;
using System.CommandLine;
using Proposals.Worker.Sweep;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals sweep [--as-of DATETIME] [--dry-run]</c>: one sweep now, or as if it were DATETIME.
/// One line per reminder (number, division, stage, recipients), then a summary line. Returns once
/// every email has been sent or has failed; exit code 1 when some stay owed (mail server unreachable).
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
            var context = CommandContext.Create(console, parse.GetValue(db));
            await using var services = CommandServices.Create(context);
            var now = parse.GetValue(asOf) is { } text ? CliDate.ParseInstant(text, "--as-of", context.Ledger.Zone) : context.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(context.Ledger.LocalTime(now));
            await context.EnsureSchemaAsync().ConfigureAwait(false);
            var calendar = await context.CalendarAsync().ConfigureAwait(false);
            context.WarnMissingYears(calendar, today, today.AddDays(31));
            if (parse.GetValue(dryRun))
            {
                var decision = await services.Get<ReminderSweep>().DecideAsync(today, calendar, dryRun: true, cancel).ConfigureAwait(false);
                foreach (var line in decision.Owed)
                {
                    await console.Out.WriteLineAsync($"{PlanText.Reminder(line.Reminder.Item, line.Reminder.Division, line.Reminder.Stage.Code)}  {line.Recipients}  [计划 planned]").ConfigureAwait(false);
                }
                await console.Out.WriteLineAsync(Summary(decision, null)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var outcome = await services.Get<SweepRunner>().RunAsync(today, calendar, report =>
                console.Out.WriteLine($"{report.What}  [{Word(report.Result)}{(report.Result == SendResult.Sent ? "" : ": " + report.Detail)}]"), cancel).ConfigureAwait(false);
            await console.Out.WriteLineAsync(Summary(outcome.Decision, outcome)).ConfigureAwait(false);
            return outcome.Count(SendResult.StillOwed) > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    private static string Word(SendResult result) => result switch
    {
        SendResult.Sent => "已发送 sent",
        SendResult.StillOwed => "待重发 still owed",
        SendResult.Failed => "失败 failed",
        SendResult.Cancelled => "取消 cancelled",
        _ => "其他进程 elsewhere",
    };

    private static string Summary(SweepDecision decision, SweepOutcome? outcome)
    {
        var day = CliDate.Iso(decision.Day);
        if (!decision.WorkingDay) return $"{day} 不是工作日, 不发送催办 (not a working day: nothing sent).";
        var planned = $"{day}: 检查 {decision.Candidates} 件, 应催办 {decision.Owed.Count} 条, 旧阶段被取代 {decision.Superseded} 条";
        if (outcome is null) return planned + $" (dry run: {decision.Owed.Count} planned, nothing recorded or sent).";
        return planned + $"; 已发送 {outcome.Count(SendResult.Sent)}, 待重发 {outcome.Count(SendResult.StillOwed)}, 失败 {outcome.Count(SendResult.Failed)}, 取消 {outcome.Count(SendResult.Cancelled)}" +
               $" (sent {outcome.Count(SendResult.Sent)}, still owed {outcome.Count(SendResult.StillOwed)}, failed {outcome.Count(SendResult.Failed)}, cancelled {outcome.Count(SendResult.Cancelled)}).";
    }
}
