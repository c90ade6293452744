using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>An item with its database id, which the reminder record refers to, and the instant it was last written.</summary>
/// <param name="Id">The database id.</param>
/// <param name="Item">The item's facts.</param>
/// <param name="UpdatedAt">When the row was last written: a writer that read it checks nobody wrote it since.</param>
public sealed record StoredItem(long Id, Item Item, DateTimeOffset UpdatedAt = default);
