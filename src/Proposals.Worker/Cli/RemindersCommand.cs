using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals reminders [--kind K --session S --number N] [--division D] [--state STATE] [--since DATE] [--format table|json]</c>:
/// the reminder record, newest first: what was sent to whom (To and Cc) and when, for which item,
/// stage and role; what failed and the server's words; what is owed now; what is uncertain (sent
/// whole, the server's reply lost), for the coordinator to <c>resend</c> or <c>dismiss</c>.
/// </summary>
internal static class RemindersCommand
{
    public static Command Create(Console console)
    {
        var kind = new Option<string?>("--kind") { Description = "类别: 建议 (npc) 或 提案 (cppcc)" };
        var session = new Option<string?>("--session") { Description = "届次" };
        var number = new Option<string?>("--number") { Description = "编号 (with --kind and --session: one item)" };
        var division = new Option<string?>("--division") { Description = "处室" };
        var state = new Option<string?>("--state") { Description = string.Join(", ", ReminderStates.Codes) + " (结果不明 uncertain: 可能已送达, 不会自动重发)" };
        state.AcceptOnlyFromAmong([.. ReminderStates.Codes]);
        var since = new Option<string?>("--since") { Description = "记录于此日及以后 (recorded on or after this date)", HelpName = "DATE" };
        var format = new Option<string>("--format") { Description = "table 或 json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var db = CommonOptions.Db();
        var command = new Command("reminders", "催办记录: 发给谁、何时、哪一阶段, 失败原因, 待发送 (the reminder record)")
        {
            kind, session, number, division, state, since, format, db,
        };
        command.Subcommands.Add(ReminderDecisionCommands.Resend(console));
        command.Subcommands.Add(ReminderDecisionCommands.Dismiss(console));
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var query = new ReminderQuery(
                Item(parse.GetValue(kind), parse.GetValue(session), parse.GetValue(number)),
                parse.GetValue(division)?.Trim(),
                ReminderStates.Parse(parse.GetValue(state)),
                parse.GetValue(since) is { } text ? context.Ledger.StartOf(CliDate.Parse(text, "--since")) : null);
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var rows = context.Get<ReminderStore>().ListAsync(query, cancel);
            if (parse.GetValue(format) == "json") await WriteJsonAsync(console, rows, context).ConfigureAwait(false);
            else await WriteTableAsync(console, rows, context).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ItemKey? Item(string? kind, string? session, string? number)
    {
        if (kind is null && session is null && number is null) return null;
        if (kind is null || session is null || number is null)
            throw new UserInputException("--kind, --session 和 --number 需一起给出 (name an item by all three)");
        return new ItemKey(ItemKinds.Parse(kind) ?? throw new UserInputException($"--kind: 无法识别 \"{kind}\" (expected 建议/npc or 提案/cppcc)"), session.Trim(), number.Trim());
    }

    private static async Task WriteJsonAsync(Console console, IAsyncEnumerable<ReminderListing> rows, CommandContext context)
    {
        // Streamed, as `list` is: the record of years of reminders is never held in memory.
        var stream = new MemoryStream();
        await using var json = new Utf8JsonWriter(stream, ItemJson.WriterOptions);
        json.WriteStartArray();
        await foreach (var row in rows.ConfigureAwait(false))
        {
            Write(json, row, context);
            if (json.BytesPending + stream.Length > 1 << 16) await FlushAsync(json, stream, console).ConfigureAwait(false);
        }
        json.WriteEndArray();
        await FlushAsync(json, stream, console).ConfigureAwait(false);
        await console.Out.WriteLineAsync().ConfigureAwait(false);
    }

    /// <summary>One row of the record as `reminders --format json` writes it; `history` writes the same.</summary>
    internal static void Write(Utf8JsonWriter json, ReminderListing row, CommandContext context)
    {
        var r = row.Record;
        json.WriteStartObject();
        json.WriteNumber("id", r.Id);
        json.WriteString("kind", row.Item.Kind.Code());
        json.WriteString("session", row.Item.Session);
        json.WriteString("number", row.Item.Number);
        json.WriteString("title", row.Title);
        json.WriteString("division", r.Division);
        json.WriteString("role", r.Role.Code());
        json.WriteString("round", r.Round.Code());
        json.WriteString("stage", r.Stage.Code);
        if (r.Notice is { } notice) json.WriteNumber("notice", notice);
        else json.WriteNull("notice");
        json.WriteString("dueOn", CliDate.Iso(r.DueOn));
        json.WriteString("plannedOn", CliDate.Iso(r.PlannedOn));
        json.WriteString("state", r.State.Code());
        json.WriteString("createdAt", Instant(r.CreatedAt, context));
        if (r.SentAt is { } sent) json.WriteString("sentAt", Instant(sent, context));
        else json.WriteNull("sentAt");
        Text(json, "to", r.To);
        json.WriteStartArray("cc");
        foreach (var cc in (r.Cc ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) json.WriteStringValue(cc);
        json.WriteEndArray();
        Text(json, "messageId", r.MessageId);
        if (r.EmailOn is { } emailOn) json.WriteString("emailOn", CliDate.Iso(emailOn));
        else json.WriteNull("emailOn");
        Text(json, "error", r.State == ReminderState.Sent ? null : r.LastError);
        json.WriteNumber("attempts", r.Attempts);
        if (r.State == ReminderState.Owed) json.WriteString("nextAttemptAt", Instant(r.NextAttemptAt, context));
        else json.WriteNull("nextAttemptAt");
        json.WriteEndObject();
    }

    private static async Task WriteTableAsync(Console console, IAsyncEnumerable<ReminderListing> rows, CommandContext context)
    {
        var table = new TextTable("类别", "届次", "编号", "处室", "承担", "阶段", "期限", "状态", "发送时间", "收件 / 抄送", "说明");
        await foreach (var row in rows.ConfigureAwait(false))
        {
            var r = row.Record;
            var to = r.To is null ? "" : r.Cc is null ? r.To : $"{r.To}; cc {r.Cc}";
            table.Add(row.Item.Kind.ShortName(), row.Item.Session, row.Item.Number, r.Division,
                r.Role.ChineseName() + (r.Round == HandlingRound.Rehandling ? " (重新办理)" : ""),
                r.Notice is { } notice ? $"第{notice}次督办 ({r.Stage.Code})" : r.Stage.ChineseName, CliDate.Iso(r.DueOn),
                r.State.ChineseName(), r.SentAt is { } sent ? Local(sent, context) : "", to,
                r.State is ReminderState.Sent ? "" : r.State == ReminderState.Owed && r.Attempts == 0 ? "" : OneLine(r.LastError));
        }
        table.WriteTo(console.Out);
        await console.Out.WriteLineAsync($"共 {table.Count} 条 ({table.Count} reminder(s))").ConfigureAwait(false);
    }

    // Local time with its offset, as every time shown to a person: 2026-12-02T16:28:00+08:00.
    internal static string Instant(DateTimeOffset at, CommandContext context)
    {
        var local = TimeZoneInfo.ConvertTime(at, context.Ledger.Zone);
        return local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static string Local(DateTimeOffset at, CommandContext context) => context.Ledger.Shown(at);

    private static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ");

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static async Task FlushAsync(Utf8JsonWriter json, MemoryStream stream, Console console)
    {
        await json.FlushAsync().ConfigureAwait(false);
        await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length)).ConfigureAwait(false);
        stream.SetLength(0);
    }
}
