namespace Proposals.Domain.Rates;

/// <summary>
/// The counts of one group of items (a kind, a division, all) for a year as of a date,
/// and the rates that follow from them. Returned items (退回) are counted in <see cref="Returned"/> only.
/// </summary>
public sealed record Figures
{
    /// <summary>承办: items assigned in the year, returned ones excluded.</summary>
    public int Assigned { get; init; }

    /// <summary>已办复: replied on or before the as-of date.</summary>
    public int Replied { get; init; }

    /// <summary>按期办复: replied on or before the due date in force and the as-of date.</summary>
    public int RepliedOnTime { get; init; }

    /// <summary>逾期未办复: not replied by the as-of date and past the due date in force.</summary>
    public int OverdueOpen { get; init; }

    /// <summary>已测评: replied by the as-of date and evaluated.</summary>
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

    /// <summary>Whether 基本满意 counts towards <see cref="SatisfactionRate"/>.</summary>
    public bool CountBasicallySatisfied { get; init; } = true;

    /// <summary>办复率 = replied / assigned; null when nothing is assigned.</summary>
    public double? ReplyRate => Ratio(Replied, Assigned);

    /// <summary>按期办复率 = replied on time / assigned; null when nothing is assigned.</summary>
    public double? OnTimeReplyRate => Ratio(RepliedOnTime, Assigned);

    /// <summary>满意率 = (满意 [+ 基本满意]) / evaluated; null when nothing is evaluated.</summary>
    public double? SatisfactionRate =>
        Ratio(Satisfied + (CountBasicallySatisfied ? BasicallySatisfied : 0), Evaluated);

    /// <summary>解决率 = class A / replied; null when nothing is replied.</summary>
    public double? ClassARate => Ratio(ClassA, Replied);

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
