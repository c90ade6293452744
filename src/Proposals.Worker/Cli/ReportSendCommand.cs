using Proposals.Worker.Hosting;
using System.CommandLine;
using Proposals.Domain.Rates;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals report send [--period YYYY-MM|YYYY-annual] [--as-of DATE] [--db PATH]</c>: sends one
/// scheduled rate report now, by the same code as the recurring jobs, whatever the day. A period
/// already sent is not sent again; a failed one is. Exit code 1 when the mail server did not take it.
/// </summary>
internal static class ReportSendCommand
{
    /// <param name="console">Where to write, and the clock.</param>
    /// <param name="settings">Settings that win over the configuration files (tests use them).</param>
    public static Command Create(Console console, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var period = new Option<string?>("--period") { Description = "报告期: 月报 YYYY-MM 或年度 YYYY-annual (default: this month)", HelpName = "PERIOD" };
        var asOf = new Option<string?>("--as-of") { Description = "月报统计截止日 (the monthly report's as-of date; default today)", HelpName = "DATE" };
        var again = new Option<bool>("--again") { Description = "重发一份结果不明的报告 (send again a report whose outcome was unknown; it may have arrived)" };
        var db = CommonOptions.Db();
        var command = new Command("send", "发送一次办复率报告给综合处, 每期只发一次 (send one scheduled rate report to the coordinator, once per period)") { period, asOf, again, db };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db), settings);
            var today = context.Today;
            var day = parse.GetValue(asOf) is { } text ? CliDate.Parse(text, "--as-of") : today;
            var chosen = parse.GetValue(period) is { } code ? Parse(code) : ReportPeriod.MonthOf(day);
            Check(chosen, day, today, parse.GetValue(asOf) is not null);
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var report = await context.Get<ReportDelivery>().DeliverAsync(chosen, day, parse.GetValue(again), cancel).ConfigureAwait(false);
            await console.Out.WriteLineAsync(Line(report)).ConfigureAwait(false);
            return report.Result is DeliveryResult.Sent or DeliveryResult.AlreadyDone ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static ReportPeriod Parse(string code)
    {
        try
        {
            return ReportPeriod.Parse(code);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"--period: {e.Message}");
        }
    }

    private static void Check(ReportPeriod period, DateOnly day, DateOnly today, bool asOfGiven)
    {
        if (day > today) throw new UserInputException($"--as-of: {CliDate.Iso(day)} 晚于今天 {CliDate.Iso(today)} (after today)");
        if (period.SendMonth > today)
            throw new UserInputException($"--period: {period.Code} 尚未到期, 最早 {CliDate.Iso(period.SendMonth)} 发送 (not due before {CliDate.Iso(period.SendMonth)})");
        if (period.Kind == ReportPeriodKind.Annual && asOfGiven)
            throw new UserInputException($"--as-of: 年度报告统计至 {period.Year}-12-31, 不能另定截止日 (a year's final report is always as of 31 December)");
        if (period.Kind == ReportPeriodKind.Monthly && day < period.SendMonth)
            throw new UserInputException($"--as-of: {CliDate.Iso(day)} 早于报告期 {period.Code} (before the period's month)");
    }

    internal static string Line(DeliveryReport report) => report.Result switch
    {
        DeliveryResult.Sent => $"{report.Period.Code}: 已发送 (sent) {report.Detail}",
        DeliveryResult.AlreadyDone => $"{report.Period.Code}: 未重复发送 (not sent again): {report.Detail}",
        DeliveryResult.StillOwed => $"{report.Period.Code}: 暂时无法发送, 可稍后重试 (not sent, try again later): {report.Detail}",
        DeliveryResult.Failed => $"{report.Period.Code}: 发送失败 (refused): {report.Detail}",
        _ => throw new ArgumentOutOfRangeException(nameof(report), report.Result, null),
    };
}
