using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// Running counts for one group, fed item by item so that a report never needs the whole ledger in memory.
/// </summary>
internal sealed class FiguresTally
{
    private int assigned, replied, repliedOnTime, overdueOpen, openNotDue, evaluated;
    private int satisfied, basicallySatisfied, dissatisfied;
    private int classA, classB, classC, classD;
    private int returned, returnedLate, extended, keyItems, keyReplied;
    private int assisting, assistingDelivered;
    private int rehandled, rereplied, finalSatisfied, finalBasicallySatisfied, finalDissatisfied;
    private int published;
    private int publishedOfYear;

    /// <summary>Counts one item of the reporting year as it stood on <paramref name="asOf"/>.</summary>
    public void Add(Item item, int year, DateOnly asOf)
    {
        if (item.IsReturnedBy(asOf))
        {
            returned++;
            if (item.IsReturnLate) returnedLate++;
            return;
        }

        // An assisting bureau writes no reply and is not evaluated: its input is counted apart, never in the rates.
        if (!item.BureauRole.IsLead())
        {
            assisting++;
            if (item.IsRepliedBy(asOf)) assistingDelivered++;
            return;
        }

        assigned++;
        if (item.Extension is { } extension && extension.InForceOn(asOf)) extended++;
        if (item.IsKey) keyItems++;
        if (item.IsPublishedIn(year, asOf)) published++;

        if (!item.IsRepliedBy(asOf))
        {
            // Open items are either past the due date in force or still within it; nothing in between.
            if (asOf > item.DueInForceOn(asOf)) overdueOpen++;
            else openNotDue++;
            return;
        }

        replied++;
        if (item.IsKey) keyReplied++;
        if (item.PublishedOn is { } publishedOn && publishedOn <= asOf) publishedOfYear++;
        if (item.RepliedOn <= item.DueInForceOn(asOf)) repliedOnTime++;

        switch (item.ReplyClass)
        {
            case ReplyClass.A: classA++; break;
            case ReplyClass.B: classB++; break;
            case ReplyClass.C: classC++; break;
            case ReplyClass.D: classD++; break;
        }

        if (item.FirstEvaluationBy(asOf) is not { } first) return;
        evaluated++;
        Count(first, ref satisfied, ref basicallySatisfied, ref dissatisfied);
        Count(item.FinalEvaluationBy(asOf)!.Value, ref finalSatisfied, ref finalBasicallySatisfied, ref finalDissatisfied);
        if (item.IsRehandledBy(asOf)) rehandled++;
        if (item.IsRerepliedBy(asOf)) rereplied++;
    }

    /// <summary>Counts only the publication of an item assigned in an earlier year whose reply was published in this one.</summary>
    public void AddPublication(Item item, int year, DateOnly asOf)
    {
        if (!item.IsReturnedBy(asOf) && item.BureauRole.IsLead() && item.IsPublishedIn(year, asOf)) published++;
    }

    /// <summary>Adds another group's counts into this one (for totals).</summary>
    public void Add(FiguresTally other)
    {
        assigned += other.assigned; replied += other.replied; repliedOnTime += other.repliedOnTime;
        overdueOpen += other.overdueOpen; openNotDue += other.openNotDue; evaluated += other.evaluated;
        satisfied += other.satisfied; basicallySatisfied += other.basicallySatisfied; dissatisfied += other.dissatisfied;
        classA += other.classA; classB += other.classB; classC += other.classC; classD += other.classD;
        returned += other.returned; returnedLate += other.returnedLate; extended += other.extended;
        keyItems += other.keyItems; keyReplied += other.keyReplied;
        assisting += other.assisting; assistingDelivered += other.assistingDelivered;
        rehandled += other.rehandled; rereplied += other.rereplied;
        finalSatisfied += other.finalSatisfied; finalBasicallySatisfied += other.finalBasicallySatisfied; finalDissatisfied += other.finalDissatisfied;
        published += other.published;
        publishedOfYear += other.publishedOfYear;
    }

    /// <summary>The counts so far, as an immutable value.</summary>
    public Figures ToFigures(RateSettings settings) => new()
    {
        Assigned = assigned,
        Replied = replied,
        RepliedOnTime = repliedOnTime,
        OverdueOpen = overdueOpen,
        OpenNotDue = openNotDue,
        Evaluated = evaluated,
        Satisfied = satisfied,
        BasicallySatisfied = basicallySatisfied,
        Dissatisfied = dissatisfied,
        ClassA = classA,
        ClassB = classB,
        ClassC = classC,
        ClassD = classD,
        Returned = returned,
        ReturnedLate = returnedLate,
        Extended = extended,
        KeyItems = keyItems,
        KeyReplied = keyReplied,
        Assisting = assisting,
        AssistingDelivered = assistingDelivered,
        Rehandled = rehandled,
        Rereplied = rereplied,
        FinalSatisfied = finalSatisfied,
        FinalBasicallySatisfied = finalBasicallySatisfied,
        FinalDissatisfied = finalDissatisfied,
        Published = published,
        PublishedOfYear = publishedOfYear,
        CountBasicallySatisfied = settings.CountBasicallySatisfied,
        SolvedClasses = settings.SolvedClasses,
    };

    private static void Count(Satisfaction s, ref int satisfiedCount, ref int basicallyCount, ref int dissatisfiedCount)
    {
        switch (s)
        {
            case Satisfaction.Satisfied: satisfiedCount++; break;
            case Satisfaction.BasicallySatisfied: basicallyCount++; break;
            case Satisfaction.Dissatisfied: dissatisfiedCount++; break;
            default: throw new ArgumentOutOfRangeException(nameof(s), s, null);
        }
    }
}
