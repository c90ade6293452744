using System.CommandLine;
using Proposals.Worker.Demo;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals run [--demo]</c>: starts the worker and its dashboard and runs until stopped. With
/// <c>--demo</c> it first builds a demo ledger whose items fall due around today, so that reminders
/// arrive in the outbox at once, and keeps it on later runs with what was recorded in it
/// (<c>--reset</c> starts it afresh); everything the demo writes stays under data/demo/. Before starting
/// it warns about what the user would otherwise not see: mail that never leaves the machine, example
/// addresses, an empty ledger.
/// </summary>
internal static class RunCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("run", "启动催办服务与看板 (start the worker and the dashboard)");
        Configure(command, console);
        return command;
    }

    private static void Configure(Command command, Console console)
    {
        var demo = new Option<bool>("--demo") { Description = "使用演示台账 data/demo/ (a demo ledger with items due around today)" };
        var reset = new Option<bool>("--reset") { Description = "与 --demo 同用: 删除演示台账、邮件和报表, 重新生成 (with --demo: delete the demo ledger, outbox and reports under data/demo/ and build a fresh one)" };
        var db = CommonOptions.Db();
        command.Options.Add(demo);
        command.Options.Add(reset);
        command.Options.Add(db);
        command.SetAction(async (parse, cancel) =>
        {
            var dbPath = parse.GetValue(db);
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(demo))
            {
                dbPath ??= DemoLedger.DatabasePath;
                overrides = DemoLedger.Settings(console.Settings, AppConfiguration.Build(console.Settings ?? new Dictionary<string, string?>()));
            }
            if (parse.GetValue(reset))
            {
                if (!parse.GetValue(demo)) throw new UserInputException("--reset 只与 --demo 同用 (--reset only goes with --demo: it never deletes a real ledger)");
                // Before anything opens the ledger: its files go, and the demo builds a fresh one below.
                var demoSettings = AppConfiguration.Build(Merged(console.Settings, overrides));
                var summary = await DemoReset.RunAsync(dbPath!, demoSettings["Mail:PickupDirectory"], demoSettings["Reports:Directory"], cancel).ConfigureAwait(false);
                await console.Out.WriteLineAsync(summary).ConfigureAwait(false);
            }
            await using var context = CommandContext.Create(console, dbPath, overrides);
            await context.Database.WaitUntilReachableAsync(line => console.Error.WriteLine(line), TimeSpan.FromMinutes(10), cancel).ConfigureAwait(false);
            await context.EnsureSchemaForRunAsync().ConfigureAwait(false);
            if (parse.GetValue(demo))
            {
                var calendar = await context.CalendarAsync().ConfigureAwait(false);
                var summary = await DemoLedger.BuildOnceAsync(context.Database, calendar, context.Today, context.Ledger.Limits, cancel).ConfigureAwait(false);
                await console.Out.WriteLineAsync(summary).ConfigureAwait(false);
                if (!calendar.IsWorkingDay(context.Today))
                {
                    // The worker sends nothing on a day off; the demo shows the last working day's reminders instead.
                    var day = DemoLedger.SweepDay(calendar, context.Today);
                    var outcome = await context.Get<SweepRunner>().RunAsync(day, calendar, _ => { }, cancel).ConfigureAwait(false);
                    await console.Out.WriteLineAsync($"今天不是工作日, 演示按 {CliDate.Iso(day)} 催办: 已发送 {outcome.Count(Reminders.SendResult.Sent)} 封 (today is a day off; the demo swept as of {CliDate.Iso(day)})").ConfigureAwait(false);
                }
            }
            var mode = parse.GetValue(demo) ? RunMode.Demo : RunMode.Real;
            var size = await context.Get<DeskStore>().SizeAsync(cancel).ConfigureAwait(false);
            foreach (var warning in StartupWarnings.For(context.Get<Mail.MailOptions>(), size, mode))
                await console.Error.WriteLineAsync($"警告 (warning): {warning}").ConfigureAwait(false);
            var commandLine = new Dictionary<string, string?>(context.CommandLine)
            {
                ["ConnectionStrings:Proposals"] = context.Database.ConnectionString,
                ["Storage:Provider"] = context.Database.Provider.Name(),
            };
            var app = WorkerHost.Build(commandLine, services => services.AddSingleton(context.Clock).AddSingleton(mode));
            await console.Out.WriteLineAsync($"看板 Dashboard: {app.Services.GetRequiredService<DashboardOptions>().Urls.Split(';')[0].TrimEnd('/')}{app.Services.GetRequiredService<DashboardOptions>().Path}  (Ctrl+C 停止 to stop)").ConfigureAwait(false);
            var schema = app.Services.GetRequiredService<Reminders.SchemaWatch>();
            await app.RunAsync(cancel).ConfigureAwait(false);
            if (schema.StoppedBecause is { } why)
            {
                await console.Error.WriteLineAsync(why).ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            return ExitCodes.Ok;
        });
    }

    private static Dictionary<string, string?> Merged(IReadOnlyDictionary<string, string?>? given, IReadOnlyDictionary<string, string?> overrides)
    {
        var merged = new Dictionary<string, string?>(given ?? new Dictionary<string, string?>());
        foreach (var (key, value) in overrides) merged[key] = value;
        return merged;
    }
}
