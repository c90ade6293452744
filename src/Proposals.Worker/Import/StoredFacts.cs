using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>
/// A file without an optional column says nothing about that fact: re-importing the assigning
/// office's list, which has no reply columns, must not erase the replies the ledger records. Where
/// a kept fact contradicts what the file does say (退回 否 beside a stored return date, an emptied
/// reply beside a stored evaluation), the file is the newer word and the kept fact goes.
/// </summary>
internal static class StoredFacts
{
    private static readonly string[] Columns =
    [
        "proposer", "bureau_role", "co_divisions", "co_inputs", "due_on", "acknowledged_on", "replied_on", "result_class",
        "satisfaction", "evaluated_on", "rereplied_on", "second_satisfaction", "published_on", "key", "returned", "returned_on",
        "return_reason", "extended_to", "extension_reason",
    ];

    /// <summary>Whether any column whose absence hides a stored fact is missing from the file.</summary>
    public static bool Matter(IReadOnlySet<string> absent) => absent.Overlaps(Columns);

    /// <summary><paramref name="imported"/>, with the facts of <paramref name="absent"/> columns taken from <paramref name="stored"/>.</summary>
    public static Item Keep(Item imported, Item stored, IReadOnlySet<string> absent)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(absent);
        var item = imported;
        bool Kept(string column) => absent.Contains(column);
        if (Kept("proposer")) item = item with { Proposer = stored.Proposer };
        if (Kept("bureau_role")) item = item with { BureauRole = stored.BureauRole };
        if (Kept("co_divisions")) item = item with { CoDivisions = stored.CoDivisions };
        if (Kept("co_inputs")) item = item with { CoInputs = stored.CoInputs };
        if (Kept("due_on")) item = item with { DueOn = stored.DueOn };
        if (Kept("acknowledged_on")) item = item with { AcknowledgedOn = stored.AcknowledgedOn };
        if (Kept("replied_on")) item = item with { RepliedOn = stored.RepliedOn };
        if (Kept("result_class")) item = item with { ReplyClass = stored.ReplyClass };
        if (Kept("satisfaction")) item = item with { Satisfaction = stored.Satisfaction };
        if (Kept("evaluated_on")) item = item with { EvaluatedOn = stored.EvaluatedOn };
        if (Kept("rereplied_on")) item = item with { RerepliedOn = stored.RerepliedOn };
        if (Kept("second_satisfaction")) item = item with { SecondSatisfaction = stored.SecondSatisfaction };
        if (Kept("published_on")) item = item with { PublishedOn = stored.PublishedOn };
        if (Kept("key")) item = item with { IsKey = stored.IsKey };
        if (Kept("returned_on")) item = item with { ReturnedOn = stored.ReturnedOn };
        if (Kept("return_reason")) item = item with { ReturnReason = stored.ReturnReason };
        // A return date in the file already says 退回; without either column the stored flag stands.
        if (Kept("returned") && (Kept("returned_on") || imported.ReturnedOn is null)) item = item with { IsReturned = stored.IsReturned || item.IsReturned };
        if (Kept("extended_to") && Kept("extension_reason")) item = item with { Extension = stored.Extension };
        return Settle(item, absent);
    }

    // Drops the kept facts that the file's own facts leave without ground, prerequisites first.
    private static Item Settle(Item item, IReadOnlySet<string> absent)
    {
        bool Kept(string column) => absent.Contains(column);
        if (!item.IsReturned)
        {
            if (Kept("returned_on")) item = item with { ReturnedOn = null };
            if (Kept("return_reason")) item = item with { ReturnReason = null };
        }
        var answers = item.BureauRole == BureauRole.Lead && item.RepliedOn is not null;
        if (!answers)
        {
            if (Kept("result_class")) item = item with { ReplyClass = null };
            if (Kept("satisfaction")) item = item with { Satisfaction = null };
            if (Kept("published_on")) item = item with { PublishedOn = null };
        }
        if (item.Satisfaction is null && Kept("evaluated_on")) item = item with { EvaluatedOn = null };
        if (item.Satisfaction != Satisfaction.Dissatisfied && Kept("rereplied_on")) item = item with { RerepliedOn = null };
        if (item.RerepliedOn is null && Kept("second_satisfaction")) item = item with { SecondSatisfaction = null };
        if (Kept("co_inputs")) item = item with { CoInputs = item.CoInputs.Where(i => item.CoDivisions.Contains(i.Division, StringComparer.Ordinal)).ToList() };
        return item;
    }
}
