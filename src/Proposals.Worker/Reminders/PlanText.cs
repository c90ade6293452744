using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Worker.Reminders;

/// <summary>How the sweep and the senders name a reminder in the plan and the log: kind, session, number, division, stage.</summary>
internal static class PlanText
{
    // The stage as 催办记录 and `proposals reminders` name it, its code after (what `--state` lists and the logs search by).
    public static string Reminder(ItemKey key, string division, ReminderStage stage) =>
        $"{key.Kind.ShortName()} {key.Session} {key.Number}  {division}  {stage.ChineseName} ({stage.Code})";

    /// <summary>A recorded row as the plan names it; by the item's id when the item is gone.</summary>
    public static string Reminder(Proposals.Storage.ReminderRecord row, IReadOnlyDictionary<long, Item> itemsById) =>
        itemsById.TryGetValue(row.ItemId, out var item) ? Reminder(item.Key, row.Division, row.Stage) : $"#{row.ItemId}  {row.Division}  {row.Stage}";
}
