using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// What the report may know about one item on its as-of date. The ledger holds the facts as they are
/// today; a report as of an earlier day sees only the facts dated on or before it (an undated fact,
/// from a ledger kept before the dates were recorded, is taken as known once its reply is).
/// </summary>
internal static class ItemOnDate
{
    /// <summary>退回 by the as-of date: a return asked later was, on that day, still an item to answer.</summary>
    public static bool IsReturnedBy(this Item item, DateOnly asOf) =>
        item.IsReturned && ((item.ReturnDecidedOn ?? item.ReturnedOn) is not { } on || on <= asOf);

    /// <summary>The first evaluation, when the reply and the evaluation are both known on the as-of date.</summary>
    public static Satisfaction? FirstEvaluationBy(this Item item, DateOnly asOf) =>
        item.IsRepliedBy(asOf) && (item.EvaluatedOn is not { } on || on <= asOf) ? item.Satisfaction : null;

    /// <summary>Whether a 不满意 first evaluation is known on the as-of date: the item is handled again (重新办理).</summary>
    public static bool IsRehandledBy(this Item item, DateOnly asOf) =>
        item.FirstEvaluationBy(asOf) == Satisfaction.Dissatisfied;

    /// <summary>Whether the second reply of a re-handled item is recorded by the as-of date.</summary>
    public static bool IsRerepliedBy(this Item item, DateOnly asOf) =>
        item.IsRehandledBy(asOf) && item.RerepliedOn is { } again && again <= asOf;

    /// <summary>
    /// The evaluation that stands on the as-of date: the second one of a re-handled item once its
    /// second reply is known and evaluated, the first one otherwise; null when not evaluated.
    /// </summary>
    public static Satisfaction? FinalEvaluationBy(this Item item, DateOnly asOf) =>
        item.IsRerepliedBy(asOf) && item.SecondSatisfaction is { } second ? second : item.FirstEvaluationBy(asOf);

    /// <summary>Whether the reply was published (答复公开) in <paramref name="year"/>, on or before the as-of date.</summary>
    public static bool IsPublishedIn(this Item item, int year, DateOnly asOf) =>
        item.PublishedOn is { } on && on.Year == year && on <= asOf;
}
