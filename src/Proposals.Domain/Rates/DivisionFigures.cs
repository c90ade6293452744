using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>The figures of one lead division (主办处室) for one kind of item.</summary>
public sealed record DivisionFigures(string Division, ItemKind Kind, Figures Figures);
