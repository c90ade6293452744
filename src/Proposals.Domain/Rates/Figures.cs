using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// The counts of one group of items (a kind, a division, all) for a year as of a date,
/// and the rates that follow from them. Returned items (退回) are counted in <see cref="Returned"/> only;
/// items the bureau assists with (协办) in <see cref="Assisting"/> only: they have no reply and no evaluation.
/// </summary>
public sealed record Figures
{
    /// <summary>承办 (主办): items assigned in the year that the bureau leads, returned ones excluded; the rates' denominator.</summary>
    public int Assigned { get; init; }

    /// <summary>已办复: replied on or before the as-of date.</summary>
    public int Replied { get; init; }

    /// <summary>按期办复: replied on or before the due date in force and the as-of date.</summary>
    public int RepliedOnTime { get; init; }

    /// <summary>逾期未办复: not replied by the as-of date and past the due date in force.</summary>
    public int OverdueOpen { get; init; }

    /// <summary>尚在办理期限内: not replied by the as-of date and not yet due then; never counted as late.</summary>
    public int OpenNotDue { get; init; }

    /// <summary>已测评: replied by the as-of date and evaluated (the first evaluation) by then.</summary>
    public int Evaluated { get; init; }

    /// <summary>满意</summary>
    public int Satisfied { get; init; }

    /// <summary>基本满意</summary>
    public int BasicallySatisfied { get; init; }

    /// <summary>不满意</summary>
    public int Dissatisfied { get; init; }

    /// <summary>A类: solved or basically solved (among replied).</summary>
    public int ClassA { get; init; }

    /// <summary>B类</summary>
    public int ClassB { get; init; }

    /// <summary>C类</summary>
    public int ClassC { get; init; }

    /// <summary>D类</summary>
    public int ClassD { get; init; }

    /// <summary>退回: shown for the record, not part of <see cref="Assigned"/>.</summary>
    public int Returned { get; init; }

    /// <summary>延期: assigned items with an approved extension.</summary>
    public int Extended { get; init; }

    /// <summary>重点督办: key items among the assigned.</summary>
    public int KeyItems { get; init; }

    /// <summary>Key items replied by the as-of date.</summary>
    public int KeyReplied { get; init; }

    /// <summary>协办: items whose lead unit is another (承办方式 协办); the bureau owes it its written input.</summary>
    public int Assisting { get; init; }

    /// <summary>协办意见已送达: assisting items whose input reached the city's lead unit by the as-of date.</summary>
    public int AssistingDelivered { get; init; }

    /// <summary>重新办理: evaluated 不满意 (first evaluation) by the as-of date, so handled again.</summary>
    public int Rehandled { get; init; }

    /// <summary>已再次答复: re-handled items answered again by the as-of date.</summary>
    public int Rereplied { get; init; }

    /// <summary>满意 in the evaluation that stands: the second one after re-handling, where known.</summary>
    public int FinalSatisfied { get; init; }

    /// <summary>基本满意 in the evaluation that stands.</summary>
    public int FinalBasicallySatisfied { get; init; }

    /// <summary>不满意 in the evaluation that stands.</summary>
    public int FinalDissatisfied { get; init; }

    /// <summary>超期退回: returned items whose return was asked after the last day allowed (still returned, but flagged).</summary>
    public int ReturnedLate { get; init; }

    /// <summary>答复公开: replies published in the year, on or before the as-of date.</summary>
    public int Published { get; init; }

    /// <summary>
    /// 答复已公开: the year's lead items replied by the as-of date whose reply was published by then (the
    /// paragraph's 办理结果公开 sentence); <see cref="Published"/> counts the publications made in the year instead.
    /// </summary>
    public int PublishedOfYear { get; init; }

    /// <summary>Whether 基本满意 counts towards <see cref="SatisfactionRate"/>.</summary>
    public bool CountBasicallySatisfied { get; init; } = true;

    /// <summary>The reply classes counted in <see cref="Solved"/> and <see cref="SolvedRate"/>.</summary>
    public SolvedClasses SolvedClasses { get; init; } = SolvedClasses.Default;

    /// <summary>Replied items whose class is one of <see cref="SolvedClasses"/>.</summary>
    public int Solved => (SolvedClasses.Contains(ReplyClass.A) ? ClassA : 0) + (SolvedClasses.Contains(ReplyClass.B) ? ClassB : 0)
        + (SolvedClasses.Contains(ReplyClass.C) ? ClassC : 0) + (SolvedClasses.Contains(ReplyClass.D) ? ClassD : 0);

    /// <summary>办复率 = replied / assigned; null when nothing is assigned.</summary>
    public double? ReplyRate => Ratio(Replied, Assigned);

    /// <summary>按期办复率 = replied on time / assigned; null when nothing is assigned.</summary>
    public double? OnTimeReplyRate => Ratio(RepliedOnTime, Assigned);

    /// <summary>满意率 (初次办理) = (满意 [+ 基本满意]) / evaluated, first evaluations; null when nothing is evaluated.</summary>
    public double? SatisfactionRate =>
        Ratio(Satisfied + (CountBasicallySatisfied ? BasicallySatisfied : 0), Evaluated);

    /// <summary>
    /// 最终满意率 = (满意 [+ 基本满意]) / evaluated, counting a re-handled item with its second evaluation
    /// where known; null when nothing is evaluated.
    /// </summary>
    public double? FinalSatisfactionRate =>
        Ratio(FinalSatisfied + (CountBasicallySatisfied ? FinalBasicallySatisfied : 0), Evaluated);

    /// <summary>基本满意率 (初次办理) = 基本满意 / evaluated, first evaluations; null when nothing is evaluated.</summary>
    public double? BasicallySatisfiedRate => Ratio(BasicallySatisfied, Evaluated);

    /// <summary>最终基本满意率 = 基本满意 in the evaluation that stands / evaluated; null when nothing is evaluated.</summary>
    public double? FinalBasicallySatisfiedRate => Ratio(FinalBasicallySatisfied, Evaluated);

    /// <summary>A类占已办复 = class A / replied; null when nothing is replied.</summary>
    public double? ClassARate => Ratio(ClassA, Replied);

    /// <summary>
    /// 解决率 = items replied in <see cref="SolvedClasses"/> / assigned (lead items), as reports give it
    /// (占承办总数的X%); null when nothing is assigned.
    /// </summary>
    public double? SolvedRate => Ratio(Solved, Assigned);

    /// <summary>The share of one reply class over the items assigned (lead items); null when nothing is assigned.</summary>
    public double? ClassShare(ReplyClass replyClass) => Ratio(replyClass switch
    {
        ReplyClass.A => ClassA,
        ReplyClass.B => ClassB,
        ReplyClass.C => ClassC,
        ReplyClass.D => ClassD,
        _ => throw new ArgumentOutOfRangeException(nameof(replyClass), replyClass, "not a reply class"),
    }, Assigned);

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
