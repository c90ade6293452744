namespace Proposals.Domain.Ledger;

/// <summary>延期: a new due date approved by the assigning office, with its reason.</summary>
public sealed record Extension(DateOnly NewDueOn, string? Reason);
