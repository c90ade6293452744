using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>An item with its database id, which the reminder record refers to.</summary>
public sealed record StoredItem(long Id, Item Item);
