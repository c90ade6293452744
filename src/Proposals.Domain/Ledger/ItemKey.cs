namespace Proposals.Domain.Ledger;

/// <summary>
/// The identity of an item: kind, session (届次) and number as issued (编号).
/// The number stays text: "0012" and "12" are different items.
/// </summary>
public sealed record ItemKey(ItemKind Kind, string Session, string Number)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind.ShortName()} {Session} {Number}";
}
