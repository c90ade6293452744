using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>
/// A ledger row read on its own, before the ledger is consulted: its identity, and, when every cell
/// was readable, the item its cells describe. The due date is the typed one, or the assignment date
/// until the role and the stored facts decide it.
/// </summary>
/// <param name="Row">The row, for its number, its problems and the text of its cells.</param>
/// <param name="Key">The identity, when kind, session and number are readable.</param>
/// <param name="Item">The item, when no cell of the row has a problem.</param>
internal sealed record ProposalDraft(LedgerRow Row, ItemKey? Key, Item? Item)
{
    /// <summary>Whether 编号 was a numeric xlsx cell, which Excel stores without leading zeros.</summary>
    public bool NumberWasNumeric { get; init; }

    /// <summary>办理期限 as typed, before it is moved to a working day.</summary>
    public DateOnly? DueTyped { get; init; }

    /// <summary>退回 as written: yes, no, or empty.</summary>
    public bool? ReturnedAnswer { get; init; }
}
