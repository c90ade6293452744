using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Storage;

/// <summary>What the reminder record is asked for (<c>proposals reminders</c>, the 催办记录 page): newest first.</summary>
/// <param name="Item">Only the reminders about this item.</param>
/// <param name="Division">Only those to this division.</param>
/// <param name="State">Only those in this state.</param>
/// <param name="Since">Only those recorded on or after this instant.</param>
/// <param name="Before">Only rows older than this id: the next page after a page that ended there.</param>
/// <param name="Limit">At most this many rows; null for all.</param>
public sealed record ReminderQuery(
    ItemKey? Item = null, string? Division = null, ReminderState? State = null, DateTimeOffset? Since = null, long? Before = null, int? Limit = null);

/// <summary>A row of the reminder record with the item it is about.</summary>
/// <param name="Record">The row.</param>
/// <param name="Item">The item's kind, session and number.</param>
/// <param name="Title">The item's title.</param>
public sealed record ReminderListing(ReminderRecord Record, ItemKey Item, string Title);
