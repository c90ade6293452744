namespace Proposals.Domain.Ledger;

/// <summary>
/// 延期: a new due date approved by the assigning office, with its reason. It holds from its approval
/// on: before that day the due date in force was <see cref="PreviousDueOn"/>.
/// </summary>
/// <param name="NewDueOn">The new due date (on a working day).</param>
/// <param name="Reason">Why, as recorded.</param>
/// <param name="ApprovedOn">The day the assigning office approved it; null for one recorded without (an old ledger,
/// a file without 延期批准日期), taken as approved before the original due date.</param>
/// <param name="ApprovedBy">Who approved it, when recorded.</param>
/// <param name="PreviousDueOn">The due date in force when it was approved; null for the original due date.</param>
public sealed record Extension(DateOnly NewDueOn, string? Reason, DateOnly? ApprovedOn = null, string? ApprovedBy = null, DateOnly? PreviousDueOn = null)
{
    /// <summary>Whether the extension was approved on or before <paramref name="asOf"/>.</summary>
    public bool InForceOn(DateOnly asOf) => ApprovedOn is not { } approved || approved <= asOf;
}
