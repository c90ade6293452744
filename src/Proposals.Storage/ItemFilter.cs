namespace Proposals.Storage;

/// <summary>What <c>proposals list</c> and the coordinator's desk ask of the ledger.</summary>
/// <param name="Year">Only items assigned in this year.</param>
/// <param name="AsOf">The day "overdue" and "due within" are counted from.</param>
/// <param name="OverdueOnly">Only unanswered items past their due date.</param>
/// <param name="DueWithinDays">Only unanswered items due within this many days of <paramref name="AsOf"/> (overdue included).</param>
/// <param name="Division">Only items this division leads or co-handles.</param>
/// <param name="Kind">Only items of this kind (npc or cppcc).</param>
public sealed record ItemFilter(int? Year, DateOnly AsOf, bool OverdueOnly = false, int? DueWithinDays = null, string? Division = null, Domain.Ledger.ItemKind? Kind = null);
