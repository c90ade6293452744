namespace Proposals.Storage;

/// <summary>What <c>proposals list</c> asks of the ledger.</summary>
/// <param name="Year">Only items assigned in this year.</param>
/// <param name="AsOf">The day "overdue" and "due within" are counted from.</param>
/// <param name="OverdueOnly">Only unanswered items past their due date.</param>
/// <param name="DueWithinDays">Only unanswered items due within this many days of <paramref name="AsOf"/> (overdue included).</param>
public sealed record ItemFilter(int? Year, DateOnly AsOf, bool OverdueOnly = false, int? DueWithinDays = null);
