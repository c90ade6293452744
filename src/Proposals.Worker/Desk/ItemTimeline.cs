using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Desk;

/// <summary>
/// One item's history on one line each, oldest first, as <c>proposals history</c> tells it: each fact
/// with the day it happened, who recorded it when and through what (import, link, record, desk), the
/// facts taken back with who, when and why; each reminder and what became of it; each change of a
/// descriptive column. A list rather than a table, so a phone shows it whole.
/// </summary>
internal static class ItemTimeline
{
    private sealed record Entry(DateTimeOffset At, int Order, Action<DeskHtml> Write);

    /// <summary>Writes the timeline of <paramref name="stored"/>.</summary>
    public static void Write(DeskHtml html, DeskRequest request, StoredItem stored)
    {
        var facts = request.Get<FactStore>().ForItemAsync(stored.Id).GetAwaiter().GetResult();
        var changes = ItemChangeStore.ForItemAsync(request.Get<LedgerDatabase>(), stored.Id).GetAwaiter().GetResult();
        var reminders = request.Get<ReminderStore>().ListAsync(new ReminderQuery(stored.Item.Key)).ToListAsync().AsTask().GetAwaiter().GetResult();
        var entries = new List<Entry>();
        entries.AddRange(facts.Select((f, i) => new Entry(f.RecordedAt, i, h => FactLine(h, request, f))));
        entries.AddRange(reminders.Select(r => new Entry(r.Record.CreatedAt, 0, h => ReminderLine(h, request, r.Record))));
        entries.AddRange(changes.Select((c, i) => new Entry(c.RecordedAt, i, h => ChangeLine(h, request, c))));
        html.Raw("<ul class=\"list-group\" id=\"timeline\">");
        foreach (var entry in entries.OrderBy(e => e.At).ThenBy(e => e.Order)) entry.Write(html);
        if (entries.Count == 0) html.Raw("<li class=\"list-group-item text-muted\">无 (none)</li>");
        html.Raw("</ul>");
    }

    private static void FactLine(DeskHtml html, DeskRequest request, RecordedFact recorded)
    {
        var f = recorded.Fact;
        var what = Recording.FactText.Of(f);
        html.Raw(recorded.Stands ? "<li class=\"list-group-item fact\">" : "<li class=\"list-group-item fact undone\">")
            .Raw(recorded.Stands ? "<strong>" : "<del>").Text(f.Kind.ChineseName()).Raw(recorded.Stands ? "</strong> " : "</del> ")
            .Text($"{DeskRequest.Iso(f.On)} {TableCell.OneLine(what)}").Raw("<br><small class=\"text-muted\">")
            .Text($"{request.Local(recorded.RecordedAt)} {recorded.RecordedBy} (via: {recorded.Via})").Raw("</small>");
        if (recorded.UndoneAt is { } at)
        {
            html.Raw("<br><small class=\"text-danger\">").Text($"已撤销 (undone) {request.Local(at)} {recorded.UndoneBy}: {TableCell.OneLine(recorded.UndoReason)}").Raw("</small>");
        }
        html.Raw("</li>");
    }

    private static void ReminderLine(DeskHtml html, DeskRequest request, ReminderRecord r)
    {
        var sent = r.SentAt is { } at ? $", 发送于 {request.Local(at)}" : "";
        html.Raw("<li class=\"list-group-item reminder\"><span class=\"label label-default\">催办</span> ")
            .Text($"{r.Division} ({r.Role.ChineseName()}{(r.Round == HandlingRound.Rehandling ? ", 重新办理" : "")}) {r.Stage.ChineseName}, 期限 {DeskRequest.Iso(r.DueOn)}: {r.State.ChineseName()}{sent}")
            .Raw("<br><small class=\"text-muted\">").Text($"{request.Local(r.CreatedAt)} {r.To}").Raw("</small></li>");
    }

    private static void ChangeLine(DeskHtml html, DeskRequest request, RecordedChange c) =>
        html.Raw("<li class=\"list-group-item change\"><span class=\"label label-info\">变更</span> ")
            .Text($"{c.Field}: {TableCell.OneLine(c.Old)} → {TableCell.OneLine(c.New)}")
            .Raw("<br><small class=\"text-muted\">").Text($"{request.Local(c.RecordedAt)} {c.RecordedBy} (via: {c.Via})").Raw("</small></li>");
}
