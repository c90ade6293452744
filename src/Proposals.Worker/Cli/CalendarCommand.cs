using System.CommandLine;
using Proposals.Domain.Calendar;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals calendar import FILE</c> loads a year's holiday schedule (the community holiday-cn
/// JSON the State Council notice is published in each November, or the project's own format);
/// <c>proposals calendar show [--year YYYY]</c> prints what is loaded.
/// </summary>
internal static class CalendarCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("calendar", "工作日日历 (the working-day calendar)");
        command.Subcommands.Add(Import(console));
        command.Subcommands.Add(Show(console));
        return command;
    }

    private static Command Import(Console console)
    {
        var file = new Argument<string>("FILE") { Description = "节假日安排 JSON (holiday-cn format or the project's own)" };
        var db = CommonOptions.Db();
        var command = new Command("import", "载入某年的节假日安排 (load a year's holiday schedule)") { file, db };
        command.SetAction(async parse =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UserInputException($"{path}: 文件不存在 (file not found)");
            var outcome = await CalendarLoad.LoadAsync(await File.ReadAllTextAsync(path).ConfigureAwait(false), path, context.Get<CalendarStore>(),
                context.EnsureSchemaAsync, CancellationToken.None).ConfigureAwait(false);
            if (outcome.Warning is { } notPublished) console.Error.WriteLine(notPublished);
            if (outcome.Refusal is { } refusal) throw new UserInputException(refusal);
            foreach (var line in outcome.Loaded) await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Console console)
    {
        var year = new Option<int?>("--year") { Description = "列出该年的假日和调休 (list that year's holidays and working weekend days)", HelpName = "YYYY" };
        var db = CommonOptions.Db();
        var command = new Command("show", "显示已载入的年份 (show the loaded years)") { year, db };
        command.SetAction(async parse =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var calendar = await context.CalendarAsync().ConfigureAwait(false);
            if (parse.GetValue(year) is not { } y)
            {
                await console.Out.WriteLineAsync($"已载入年份 (years with a schedule): {string.Join(", ", calendar.ScheduledYears)}").ConfigureAwait(false);
                await console.Out.WriteLineAsync(
                    $"未载入的年份自 {RegulationEstimate.FirstYear} 年起按放假办法推算法定节假日 " +
                    $"(years from {RegulationEstimate.FirstYear} without a schedule: statutory holidays estimated from the regulation)").ConfigureAwait(false);
                context.WarnMissingYears(calendar, new DateOnly(context.Today.Year, 1, 1), new DateOnly(context.Today.Year + 1, 12, 31));
                return ExitCodes.Ok;
            }
            var first = new DateOnly(y, 1, 1);
            var table = new TextTable("日期", "星期", "安排", "节日");
            foreach (var day in YearDays.Of(calendar, y)) table.Add(CliDate.Iso(day.Date), day.Weekday, day.Arrangement, day.Day.Name);
            table.WriteTo(console.Out);
            context.WarnMissingYears(calendar, first, new DateOnly(y, 12, 31));
            return ExitCodes.Ok;
        });
        return command;
    }
}
