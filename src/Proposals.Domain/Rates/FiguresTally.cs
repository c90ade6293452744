using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// Running counts for one group, fed item by item so that a report never needs the whole ledger in memory.
/// </summary>
internal sealed class FiguresTally
{
    private int assigned, replied, repliedOnTime, overdueOpen, evaluated;
    private int satisfied, basicallySatisfied, dissatisfied;
    private int classA, classB, classC, classD;
    private int returned, extended, keyItems, keyReplied;

    /// <summary>Counts one item of the reporting year as it stood on <paramref name="asOf"/>.</summary>
    public void Add(Item item, DateOnly asOf)
    {
        if (item.IsReturned)
        {
            returned++;
            return;
        }

        assigned++;
        if (item.Extension is not null) extended++;
        if (item.IsKey) keyItems++;

        if (!item.IsRepliedBy(asOf))
        {
            if (item.IsOverdue(asOf)) overdueOpen++;
            return;
        }

        replied++;
        if (item.IsKey) keyReplied++;
        if (item.RepliedOn <= item.EffectiveDueOn) repliedOnTime++;

        switch (item.ReplyClass)
        {
            case ReplyClass.A: classA++; break;
            case ReplyClass.B: classB++; break;
            case ReplyClass.C: classC++; break;
            case ReplyClass.D: classD++; break;
        }

        switch (item.Satisfaction)
        {
            case Satisfaction.Satisfied: evaluated++; satisfied++; break;
            case Satisfaction.BasicallySatisfied: evaluated++; basicallySatisfied++; break;
            case Satisfaction.Dissatisfied: evaluated++; dissatisfied++; break;
        }
    }

    /// <summary>Adds another group's counts into this one (for totals).</summary>
    public void Add(FiguresTally other)
    {
        assigned += other.assigned; replied += other.replied; repliedOnTime += other.repliedOnTime;
        overdueOpen += other.overdueOpen; evaluated += other.evaluated;
        satisfied += other.satisfied; basicallySatisfied += other.basicallySatisfied; dissatisfied += other.dissatisfied;
        classA += other.classA; classB += other.classB; classC += other.classC; classD += other.classD;
        returned += other.returned; extended += other.extended;
        keyItems += other.keyItems; keyReplied += other.keyReplied;
    }

    /// <summary>The counts so far, as an immutable value.</summary>
    public Figures ToFigures(RateSettings settings) => new()
    {
        Assigned = assigned,
        Replied = replied,
        RepliedOnTime = repliedOnTime,
        OverdueOpen = overdueOpen,
        Evaluated = evaluated,
        Satisfied = satisfied,
        BasicallySatisfied = basicallySatisfied,
        Dissatisfied = dissatisfied,
        ClassA = classA,
        ClassB = classB,
        ClassC = classC,
        ClassD = classD,
        Returned = returned,
        Extended = extended,
        KeyItems = keyItems,
        KeyReplied = keyReplied,
        CountBasicallySatisfied = settings.CountBasicallySatisfied,
    };
}
