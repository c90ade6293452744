using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>
/// A file without an optional column says nothing about that fact: re-importing the assigning
/// office's list, which has no reply columns, must not erase the replies the ledger records.
/// </summary>
internal static class StoredFacts
{
    /// <summary>Whether any column whose absence hides a stored fact is missing from the file.</summary>
    public static bool Matter(IReadOnlySet<string> absent) => absent.Overlaps(Columns);

    /// <summary><paramref name="imported"/>, with the facts of <paramref name="absent"/> columns taken from <paramref name="stored"/>.</summary>
    public static Item Keep(Item imported, Item stored, IReadOnlySet<string> absent)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(stored);
        var item = imported;
        if (absent.Contains("proposer")) item = item with { Proposer = stored.Proposer };
        if (absent.Contains("co_divisions")) item = item with { CoDivisions = stored.CoDivisions };
        if (absent.Contains("due_on")) item = item with { DueOn = stored.DueOn };
        if (absent.Contains("acknowledged_on")) item = item with { AcknowledgedOn = stored.AcknowledgedOn };
        if (absent.Contains("replied_on")) item = item with { RepliedOn = stored.RepliedOn };
        if (absent.Contains("result_class")) item = item with { ReplyClass = stored.ReplyClass };
        if (absent.Contains("satisfaction")) item = item with { Satisfaction = stored.Satisfaction };
        if (absent.Contains("key")) item = item with { IsKey = stored.IsKey };
        if (absent.Contains("returned")) item = item with { IsReturned = stored.IsReturned };
        if (absent.Contains("extended_to") && absent.Contains("extension_reason")) item = item with { Extension = stored.Extension };
        return item;
    }

    private static readonly string[] Columns =
    [
        "proposer", "co_divisions", "due_on", "acknowledged_on", "replied_on", "result_class", "satisfaction",
        "key", "returned", "extended_to", "extension_reason",
    ];
}
