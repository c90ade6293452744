using System.CommandLine;
using System.Text.Json;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Cli;

/// <summary><c>proposals list [--year YYYY] [--overdue] [--due-within DAYS] [--format table|json]</c>.</summary>
internal static class ListCommand
{
    public static Command Create(Console console)
    {
        var year = new Option<int?>("--year") { Description = "只列该年交办的 (only items assigned in this year)", HelpName = "YYYY" };
        var overdue = new Option<bool>("--overdue") { Description = "只列已超期未答复的 (only unanswered items past their due date)" };
        var dueWithin = new Option<int?>("--due-within") { Description = "只列 N 天内到期未答复的, 含已超期 (only unanswered items due within N days, overdue included)", HelpName = "DAYS" };
        var format = new Option<string>("--format") { Description = "table 或 json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var asOf = new Option<string?>("--as-of") { Description = "按某日计算状态 (status as of this date; default today)", HelpName = "DATE" };
        var db = CommonOptions.Db();
        var command = new Command("list", "列出台账 (list the ledger with due dates and status)") { year, overdue, dueWithin, format, asOf, db };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            if (parse.GetValue(year) is { } y && y is < 1949 or > 9999) throw new UserInputException($"--year: 年份无效 {y}");
            if (parse.GetValue(dueWithin) is < 0) throw new UserInputException("--due-within: 天数不能为负 (must be 0 or more)");
            var day = parse.GetValue(asOf) is { } text ? CliDate.Parse(text, "--as-of") : context.Today;
            await context.EnsureSchemaAsync().ConfigureAwait(false);
            var filter = new ItemFilter(parse.GetValue(year), day, parse.GetValue(overdue), parse.GetValue(dueWithin));
            var items = context.Get<ItemStore>().ListAsync(filter, cancel);
            if (parse.GetValue(format) == "json") await WriteJsonAsync(console, items, day).ConfigureAwait(false);
            else await WriteTableAsync(console, items, day).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteJsonAsync(Console console, IAsyncEnumerable<StoredItem> items, DateOnly asOf)
    {
        // Streamed: a ledger of a million items is written without holding it in memory.
        var stream = new MemoryStream();
        await using var json = new Utf8JsonWriter(stream, ItemJson.WriterOptions);
        json.WriteStartArray();
        await foreach (var stored in items.ConfigureAwait(false))
        {
            ItemJson.Write(json, stored.Item, asOf);
            if (json.BytesPending + stream.Length > 1 << 16) await FlushAsync(json, stream, console).ConfigureAwait(false);
        }
        json.WriteEndArray();
        await FlushAsync(json, stream, console).ConfigureAwait(false);
        await console.Out.WriteLineAsync().ConfigureAwait(false);
    }

    private static async Task FlushAsync(Utf8JsonWriter json, MemoryStream stream, Console console)
    {
        await json.FlushAsync().ConfigureAwait(false);
        await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length)).ConfigureAwait(false);
        stream.SetLength(0);
    }

    private static async Task WriteTableAsync(Console console, IAsyncEnumerable<StoredItem> items, DateOnly asOf)
    {
        var table = new TextTable("类别", "届次", "编号", "标题", "主办处室", "协办处室", "交办日期", "办理期限", "答复日期", "状态");
        await foreach (var stored in items.ConfigureAwait(false))
        {
            var i = stored.Item;
            var status = i.StatusOn(asOf).ChineseName() + (i.IsOverdue(asOf) ? " (超期)" : "");
            table.Add(i.Key.Kind.ShortName(), i.Key.Session, i.Key.Number, Shorten(i.Title, 24), i.LeadDivision,
                string.Join("、", i.CoDivisions), CliDate.Iso(i.AssignedOn), CliDate.Iso(i.EffectiveDueOn) + (i.Extension is null ? "" : " (延期)"),
                i.RepliedOn is { } r ? CliDate.Iso(r) : "", status);
        }
        table.WriteTo(console.Out);
        await console.Out.WriteLineAsync($"共 {table.Count} 件 ({table.Count} item(s)), 截至 {CliDate.Iso(asOf)}").ConfigureAwait(false);
    }

    private static string Shorten(string text, int width)
    {
        if (TextTable.Width(text) <= width) return text;
        var kept = new System.Text.StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (TextTable.Width(kept.ToString() + rune) > width - 1) break;
            kept.Append(rune.ToString());
        }
        return kept.Append('…').ToString();
    }
}
