using System.CommandLine;
using Proposals.Domain.Rates;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals report --year YYYY [--as-of DATE] [--format text|json|csv|xlsx|html] [--out FILE]</c>:
/// the year's completion rates and the paragraph for the annual report. Without <c>--format</c> the
/// format follows the <c>--out</c> file's extension (2018.xlsx is a workbook), text otherwise.
/// </summary>
internal static class ReportCommand
{
    // .htm is html too; a file without an extension gets the default, text.
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.Ordinal)
    {
        ["txt"] = "text", ["json"] = "json", ["csv"] = "csv", ["xlsx"] = "xlsx", ["html"] = "html", ["htm"] = "html",
    };

    public static Command Create(Console console)
    {
        var year = new Option<int>("--year") { Description = "统计年度: 该年交办的事项 (items assigned in this year)", Required = true, HelpName = "YYYY" };
        var asOf = new Option<string?>("--as-of") { Description = "统计截止日 (default: 31 December, or today for the current year)", HelpName = "DATE" };
        var format = new Option<string?>("--format") { Description = "text, json, csv, xlsx 或 html (default: from the --out extension, else text)" };
        format.AcceptOnlyFromAmong("text", "json", "csv", "xlsx", "html");
        var output = new Option<string?>("--out") { Description = "写入文件 (write to this file instead of standard output)", HelpName = "FILE" };
        var db = CommonOptions.Db();
        var command = new Command("report", "办复率统计与年度报告段落 (completion rates and the annual report's paragraph)") { year, asOf, format, output, db };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var options = context.Get<ReportOptions>();
            var y = parse.GetValue(year);
            if (y is < 1949 or > 9999) throw new UserInputException($"--year: 年份无效 {y} (not a valid year: {y}; expected 1949 to 9999)");
            if (y > context.Today.Year) throw new UserInputException($"--year: {y} 年尚未开始 (the year {y} has not begun)");
            var day = parse.GetValue(asOf) is { } text ? CliDate.Parse(text, "--as-of") : YearReport.DefaultAsOf(y, context.Today);
            if (day.Year < y) throw new UserInputException($"--as-of: {CliDate.Iso(day)} 早于 {y} 年 (before the year begins)");
            var path = parse.GetValue(output);
            var name = OutputChoice.Resolve(parse.GetValue(format), path, ByExtension, "text");
            if (name == "xlsx" && path is null) throw new UserInputException("--format xlsx 需要 --out FILE (an Excel workbook is not written to the terminal)");
            await context.RequireLedgerAsync().ConfigureAwait(false);
            Task Write(Stream stream) => YearReportOutput.WriteAsync(context.Get<ItemStore>(), context.Get<TemplateOptions>(), options, y, day, name, stream, cancel);
            if (path is null)
            {
                using var buffer = new MemoryStream();
                await Write(buffer).ConfigureAwait(false);
                await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF')).ConfigureAwait(false);
                await console.Out.FlushAsync(cancel).ConfigureAwait(false);
            }
            else
            {
                // Aside and moved into place: a failed write leaves last year's file as it was.
                await AtomicFile.WriteAsync(path, Write).ConfigureAwait(false);
                await console.Out.WriteLineAsync($"已写入 (written) {path}").ConfigureAwait(false);
            }
            if (await context.Get<SentYearReport>().DifferencesAsync(y, options.Rates, cancel).ConfigureAwait(false) is { } differences)
            {
                // Beside the output, not in it: the report stays the report; the coordinator learns what moved since the year was closed.
                if (differences.Count == 0) console.Error.WriteLine($"{y} 年度报告已发送, 现在的数字与发送时一致 (the {y} year report was sent; the figures as of its day are unchanged)");
                else
                {
                    console.Error.WriteLine($"{y} 年度报告已发送, 其后数字有变化 (the {y} year report was sent; since then, as of its day):");
                    foreach (var line in differences) console.Error.WriteLine("  " + line);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
