using System.CommandLine;
using Proposals.Domain.Deadlines;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals deadline --from DATE --working-days N | --months N</c>: the due date of a period,
/// one line <c>YYYY-MM-DD</c> on standard output and nothing else there.
/// </summary>
internal static class DeadlineCommand
{
    public static Command Create(Console console)
    {
        var from = new Option<string>("--from") { Description = "起算日 (the day of assignment, not counted), e.g. 2019-07-01", Required = true };
        var workingDays = new Option<int?>("--working-days") { Description = "期限 N 个工作日 (N working days)" };
        var months = new Option<int?>("--months") { Description = "期限 N 个月 (N months, to the corresponding day or month end)" };
        var db = CommonOptions.Db();
        var command = new Command("deadline", "计算办理期限 (compute a due date on the working-day calendar)") { from, workingDays, months, db };
        command.SetAction(async parse =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var start = CliDate.Parse(parse.GetValue(from)!, "--from");
            var (wd, m) = (parse.GetValue(workingDays), parse.GetValue(months));
            if (wd is null == m is null) throw new UserInputException("请给出 --working-days N 或 --months N 之一 (give exactly one of --working-days N or --months N)");
            if ((wd ?? m) is < 0 or > 10000) throw new UserInputException($"期限无效: {wd ?? m} (the period must be 0..10000)");
            var calendar = await context.CalendarAsync().ConfigureAwait(false);
            var due = wd is { } n ? DueDate.AfterWorkingDays(calendar, start, n) : DueDate.AfterMonths(calendar, start, m!.Value);
            context.WarnMissingYears(calendar, start, due);
            await console.Out.WriteLineAsync(CliDate.Iso(due)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
