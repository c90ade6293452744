using System.CommandLine;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals reminders resend --id N</c> and <c>proposals reminders dismiss --id N</c>: what the
/// coordinator decides about a reminder the program would not send again by itself (uncertain: it may
/// have arrived; failed), as the buttons in 催办记录 do. Resend makes it owed and sends it now, exit 1
/// when the server does not take it; dismiss settles it unsent. Exit 2 for a reminder in another state.
/// </summary>
internal static class ReminderDecisionCommands
{
    public static Command Resend(Console console)
    {
        var (id, db) = (Id(), CommonOptions.Db());
        var command = new Command("resend", "重发一条结果不明、发送失败、已取消或已忽略的催办 (send an uncertain, failed, cancelled or dismissed reminder again, now)") { id, db };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var store = context.Get<ReminderStore>();
            var number = parse.GetValue(id);
            var before = await FindAsync(store, number, cancel).ConfigureAwait(false);
            if (!await store.ResendAsync(number, cancel).ConfigureAwait(false))
            {
                throw new UserInputException($"--id {number}: 此催办为 {before.State.ChineseName()} ({before.State.Code()}), 只有结果不明、发送失败、已取消或已忽略的催办可重发 " +
                    "(only an uncertain, failed, cancelled or dismissed reminder can be resent)");
            }
            var calendar = await context.CalendarAsync().ConfigureAwait(false);
            var report = await context.Get<ReminderDrain>().SendNowAsync(number, context.Today, calendar, cancel).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"第 {number} 条催办 (reminder {number}): {report.What}  [{report.Result}: {report.Detail}]").ConfigureAwait(false);
            return report.Result is SendResult.Sent or SendResult.Cancelled or SendResult.Superseded ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    public static Command Dismiss(Console console)
    {
        var (id, db) = (Id(), CommonOptions.Db());
        var command = new Command("dismiss", "忽略一条结果不明或发送失败的催办, 不再发送 (settle an uncertain or failed reminder without sending it again)") { id, db };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var store = context.Get<ReminderStore>();
            var number = parse.GetValue(id);
            var before = await FindAsync(store, number, cancel).ConfigureAwait(false);
            var note = DismissNote.By($"{Environment.UserName} (命令行 command line)", context.Clock, context.Ledger);
            if (!await store.DismissAsync(number, note, cancel).ConfigureAwait(false))
            {
                throw new UserInputException($"--id {number}: 此催办为 {before.State.ChineseName()} ({before.State.Code()}), 只有结果不明或发送失败的催办可忽略 " +
                    "(only an uncertain or failed reminder can be dismissed)");
            }
            await console.Out.WriteLineAsync($"第 {number} 条催办已忽略, 不再发送 (reminder {number} dismissed; it will not be sent)").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<long> Id() => new("--id") { Description = "催办编号, 见 proposals reminders --format json 的 id (the reminder's id)", Required = true, HelpName = "N" };

    private static async Task<ReminderRecord> FindAsync(ReminderStore store, long id, CancellationToken cancel) =>
        await store.FindAsync(id, cancel).ConfigureAwait(false)
        ?? throw new UserInputException($"--id {id}: 没有这条催办 (no reminder with this id; see proposals reminders --format json)");
}
