using System.CommandLine;
using System.Text.Json;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals history --kind K --session S --number N [--format table|json]</c>: everything the ledger
/// knows of one item and how it came to know it: each fact with the day it happened, when and by whom it
/// was recorded and through what (import, link, record, desk), the facts taken back with who, when and
/// why, each change of a descriptive column, and the reminders sent. JSON: <c>{"item", "facts", "reminders", "changes"}</c>.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(Console console)
    {
        var item = new ItemKeyOptions();
        var format = new Option<string>("--format") { Description = "table 或 json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var db = CommonOptions.Db();
        var command = new Command("history", "一件事项的全部记录: 事实、由谁何时经何途径记录、撤销、催办 (the history of one item)") { format, db };
        item.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var key = item.Read(parse);
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var stored = await context.Get<ItemStore>().FindAsync(key, cancel).ConfigureAwait(false)
                ?? throw new UserInputException($"台账中没有事项 {key} (no such item in the ledger)");
            var facts = await context.Get<FactStore>().ForItemAsync(stored.Id, cancel).ConfigureAwait(false);
            var changes = await ItemChangeStore.ForItemAsync(context.Database, stored.Id, cancel).ConfigureAwait(false);
            var reminders = new List<ReminderListing>();
            await foreach (var row in context.Get<ReminderStore>().ListAsync(new ReminderQuery(key), cancel).ConfigureAwait(false)) reminders.Add(row);
            reminders.Reverse();
            if (parse.GetValue(format) == "json") await WriteJsonAsync(console, context, stored.Item, facts, reminders, changes).ConfigureAwait(false);
            else await WriteTableAsync(console, context, stored.Item, facts, reminders, changes).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteJsonAsync(
        Console console, CommandContext context, Item item, IReadOnlyList<RecordedFact> facts, IReadOnlyList<ReminderListing> reminders, IReadOnlyList<RecordedChange> changes)
    {
        using var stream = new MemoryStream();
        await using (var json = new Utf8JsonWriter(stream, ItemJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WritePropertyName("item");
            ItemJson.Write(json, item, context.Today);
            json.WriteStartArray("facts");
            foreach (var fact in facts) WriteFact(json, fact, context);
            json.WriteEndArray();
            json.WriteStartArray("reminders");
            foreach (var row in reminders) RemindersCommand.Write(json, row, context);
            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteString("field", change.Field);
                ItemJson.StringOrNull(json, "from", change.Old);
                ItemJson.StringOrNull(json, "to", change.New);
                json.WriteString("recordedAt", RemindersCommand.Instant(change.RecordedAt, context));
                json.WriteString("recordedBy", change.RecordedBy);
                json.WriteString("via", change.Via);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
    }

    private static void WriteFact(Utf8JsonWriter json, RecordedFact recorded, CommandContext context)
    {
        var f = recorded.Fact;
        json.WriteStartObject();
        json.WriteString("fact", f.Kind.Code());
        json.WriteString("on", CliDate.Iso(f.On));
        json.WriteString("recordedAt", RemindersCommand.Instant(recorded.RecordedAt, context));
        json.WriteString("recordedBy", recorded.RecordedBy);
        json.WriteString("via", recorded.Via);
        if (f.Division is not null) json.WriteString("division", f.Division);
        if (f.Class is { } c) json.WriteString("class", c.ToString());
        if (f.Satisfaction is { } s) json.WriteString("satisfaction", s.Code());
        if (f.To is { } to) json.WriteString("to", CliDate.Iso(to));
        if (f.Kind == FactKind.Extension) json.WriteString("approvedOn", CliDate.Iso(f.On));
        if (f.DecidedBy is not null) json.WriteString(f.Kind == FactKind.Extension ? "approvedBy" : "decidedBy", f.DecidedBy);
        if (f.Decision is { } d) json.WriteString("decision", d.Code());
        if (f.Reason is not null) json.WriteString("reason", f.Reason);
        if (f.Override is not null) json.WriteString("override", f.Override);
        if (recorded.UndoneAt is { } undone)
        {
            json.WriteString("undoneAt", RemindersCommand.Instant(undone, context));
            ItemJson.StringOrNull(json, "undoneBy", recorded.UndoneBy);
            ItemJson.StringOrNull(json, "undoReason", recorded.UndoReason);
        }
        json.WriteEndObject();
    }

    private static async Task WriteTableAsync(
        Console console, CommandContext context, Item item, IReadOnlyList<RecordedFact> facts, IReadOnlyList<ReminderListing> reminders, IReadOnlyList<RecordedChange> changes)
    {
        var status = item.StatusOn(context.Today);
        await console.Out.WriteLineAsync($"{item.Key} {item.Title} — {item.BureauRole.ChineseName()} {item.LeadDivision}; 交办 {CliDate.Iso(item.AssignedOn)}, " +
            $"期限 {CliDate.Iso(item.EffectiveDueOn)}; 状态 {status.ChineseName()} ({status.Code()})").ConfigureAwait(false);
        var table = new TextTable("事实", "日期", "内容", "记录时间", "记录人", "途径", "撤销");
        foreach (var recorded in facts)
        {
            var f = recorded.Fact;
            var what = Recording.FactText.Of(f);
            table.Add(f.Kind.ChineseName(), CliDate.Iso(f.On), what, context.Ledger.Shown(recorded.RecordedAt), recorded.RecordedBy, recorded.Via,
                recorded.UndoneAt is { } at ? $"{context.Ledger.Shown(at)} {recorded.UndoneBy}: {recorded.UndoReason}" : "");
        }
        table.WriteTo(console.Out);
        foreach (var change in changes)
        {
            await console.Out.WriteLineAsync($"变更 (change) {change.Field}: {change.Old} → {change.New} ({context.Ledger.Shown(change.RecordedAt)} {change.RecordedBy}, {change.Via})").ConfigureAwait(false);
        }
        await console.Out.WriteLineAsync($"共 {facts.Count} 项事实, {reminders.Count} 条催办 ({facts.Count} fact(s), {reminders.Count} reminder(s); `proposals reminders --kind ... --number ...` lists them)").ConfigureAwait(false);
    }
}
