using System.CommandLine;
using Proposals.Worker.Demo;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Sweep;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals run [--demo]</c> (and <c>proposals</c> alone): starts the worker and its dashboard
/// and runs until stopped. With <c>--demo</c> it first fills a demo ledger whose items fall due
/// around today, so that reminders arrive in the outbox at once.
/// </summary>
internal static class RunCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("run", "启动催办服务与看板 (start the worker and the dashboard)");
        Configure(command, console);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> the options and action of <c>run</c> (used by the root command too).</summary>
    public static void Configure(Command command, Console console)
    {
        var demo = new Option<bool>("--demo") { Description = "使用演示台账 data/demo/ (a demo ledger with items due around today)" };
        var db = CommonOptions.Db();
        command.Options.Add(demo);
        command.Options.Add(db);
        command.SetAction(async (parse, cancel) =>
        {
            var overrides = new Dictionary<string, string?>();
            var dbPath = parse.GetValue(db);
            if (parse.GetValue(demo))
            {
                dbPath ??= DemoLedger.DatabasePath;
                if (console.Settings?.ContainsKey("Mail:PickupDirectory") != true) overrides["Mail:PickupDirectory"] = DemoLedger.OutboxPath;
                // A newcomer trying the demo in the evening sees the reminders at once, not the next morning.
                overrides["Reminders:WorkingHoursFrom"] = "00:00";
                overrides["Reminders:WorkingHoursUntil"] = "23:59";
                overrides["Reminders:SweepAt"] = "09:00";
            }
            await using var context = CommandContext.Create(console, dbPath, overrides);
            await context.Database.WaitUntilReachableAsync(line => console.Error.WriteLine(line), TimeSpan.FromMinutes(10), cancel).ConfigureAwait(false);
            await context.EnsureSchemaAsync().ConfigureAwait(false);
            if (parse.GetValue(demo))
            {
                var calendar = await context.CalendarAsync().ConfigureAwait(false);
                var summary = await DemoLedger.FillAsync(context.Database, calendar, context.Today, context.Ledger.Limits, cancel).ConfigureAwait(false);
                await console.Out.WriteLineAsync(summary).ConfigureAwait(false);
                if (!calendar.IsWorkingDay(context.Today))
                {
                    // The worker sends nothing on a day off; the demo shows the last working day's reminders instead.
                    var day = DemoLedger.SweepDay(calendar, context.Today);
                    var outcome = await context.Get<SweepRunner>().RunAsync(day, calendar, _ => { }, cancel).ConfigureAwait(false);
                    await console.Out.WriteLineAsync($"今天不是工作日, 演示按 {CliDate.Iso(day)} 催办: 已发送 {outcome.Count(Sending.SendResult.Sent)} 封 (today is a day off; the demo swept as of {CliDate.Iso(day)})").ConfigureAwait(false);
                }
            }
            var commandLine = new Dictionary<string, string?>(context.CommandLine)
            {
                ["ConnectionStrings:Proposals"] = context.Database.ConnectionString,
                ["Storage:Provider"] = context.Database.Provider.Name(),
            };
            var app = WorkerHost.Build(commandLine, services => services.AddSingleton(context.Clock));
            await console.Out.WriteLineAsync($"看板 Dashboard: {app.Services.GetRequiredService<DashboardOptions>().Urls.Split(';')[0].TrimEnd('/')}{app.Services.GetRequiredService<DashboardOptions>().Path}  (Ctrl+C 停止 to stop)").ConfigureAwait(false);
            await app.RunAsync(cancel).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
    }
}
