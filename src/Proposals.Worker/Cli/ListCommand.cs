using System.CommandLine;
using Proposals.Storage;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals list [--year YYYY] [--division D] [--overdue] [--due-within DAYS] [--format table|json|csv|xlsx] [--out FILE]</c>.
/// Without <c>--format</c> the format follows the <c>--out</c> file's extension, a table otherwise.
/// </summary>
internal static class ListCommand
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.Ordinal)
    {
        ["txt"] = "table", ["json"] = "json", ["csv"] = "csv", ["xlsx"] = "xlsx",
    };

    public static Command Create(Console console)
    {
        var year = new Option<int?>("--year") { Description = "只列该年交办的 (only items assigned in this year)", HelpName = "YYYY" };
        var division = new Option<string?>("--division") { Description = "只列该处室主办或协办的 (only items the division leads or co-handles)", HelpName = "D" };
        var overdue = new Option<bool>("--overdue") { Description = "只列已超期未答复的 (only unanswered items past their due date)" };
        var dueWithin = new Option<int?>("--due-within") { Description = "只列 N 天内到期未答复的, 含已超期 (only unanswered items due within N days, overdue included)", HelpName = "DAYS" };
        var format = new Option<string?>("--format") { Description = "table, json, csv 或 xlsx (default: from the --out extension, else table)" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "写入文件 (write to this file instead of standard output)", HelpName = "FILE" };
        var asOf = new Option<string?>("--as-of") { Description = "按某日计算状态 (status as of this date; default today)", HelpName = "DATE" };
        var db = CommonOptions.Db();
        var command = new Command("list", "列出台账 (list the ledger with due dates and status)") { year, division, overdue, dueWithin, format, output, asOf, db };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            if (parse.GetValue(year) is { } y && y is < 1949 or > 9999) throw new UserInputException($"--year: 年份无效 {y} (not a valid year: {y}; expected 1949 to 9999)");
            if (parse.GetValue(dueWithin) is < 0) throw new UserInputException("--due-within: 天数不能为负 (must be 0 or more)");
            var day = parse.GetValue(asOf) is { } text ? CliDate.Parse(text, "--as-of") : context.Today;
            var path = parse.GetValue(output);
            var name = OutputChoice.Resolve(parse.GetValue(format), path, ByExtension, "table");
            if (name == "xlsx" && path is null) throw new UserInputException("--format xlsx 需要 --out FILE (an Excel workbook is not written to the terminal)");
            var divisionName = parse.GetValue(division)?.Trim();
            if (divisionName is { Length: 0 }) throw new UserInputException("--division: 处室名称为空 (give a division's name)");
            await context.RequireLedgerAsync().ConfigureAwait(false);
            if (divisionName is not null) await RequireKnownAsync(context, divisionName, cancel).ConfigureAwait(false);

            var filter = new ItemFilter(parse.GetValue(year), day, parse.GetValue(overdue), parse.GetValue(dueWithin), divisionName);
            var items = context.Get<ItemStore>().ListAsync(filter, cancel);
            if (path is null)
            {
                await ListOutput.ToConsoleAsync(name, console.Out, items, day, cancel).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            // Aside and moved into place: a listing that fails half-way leaves the previous file as it was.
            var count = 0;
            await AtomicFile.WriteAsync(path, async stream => count = await ListOutput.ToFileAsync(name, stream, items, day, cancel).ConfigureAwait(false)).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"已写入 (written) {path}: 共 {count} 件 ({count} item(s)), 截至 {CliDate.Iso(day)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    // A misspelt division would list nothing and look like a division with nothing to do.
    private static async Task RequireKnownAsync(CommandContext context, string division, CancellationToken cancel)
    {
        var known = await context.Get<DivisionStore>().AllAsync(cancel).ConfigureAwait(false);
        if (known.Count == 0 || known.ContainsKey(division)) return;
        throw new UserInputException(
            $"--division: 处室不在处室名单中 \"{division}\" (not a known division; known: {string.Join("、", known.Keys.Order(StringComparer.Ordinal))})");
    }
}
