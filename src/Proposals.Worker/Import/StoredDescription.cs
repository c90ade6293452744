using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>
/// The descriptive columns of an item (提出人, 承办方式, 协办处室, 办理期限, 重点督办, 主办单位, 协办单位) update
/// from the file, each change kept in the history; a file without one of these columns says nothing
/// about it, and the ledger keeps what it holds. (The facts follow their own rule: see <see cref="FileFacts"/>.)
/// </summary>
internal static class StoredDescription
{
    /// <summary><paramref name="imported"/>, with the descriptive columns the file lacks taken from <paramref name="stored"/>.</summary>
    public static Item Keep(Item imported, Item stored, IReadOnlySet<string> absent)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(absent);
        var item = imported;
        bool Kept(string column) => absent.Contains(column);
        if (Kept("proposer")) item = item with { Proposer = stored.Proposer };
        if (Kept("bureau_role")) item = item with { BureauRole = stored.BureauRole, RoleText = stored.RoleText };
        if (Kept("co_divisions")) item = item with { CoDivisions = stored.CoDivisions };
        if (Kept("due_on")) item = item with { DueOn = stored.DueOn };
        if (Kept("key")) item = item with { IsKey = stored.IsKey };
        if (Kept("lead_unit")) item = item with { LeadUnit = stored.LeadUnit };
        if (Kept("co_units")) item = item with { CoUnits = stored.CoUnits };
        return item;
    }

    /// <summary>The descriptive columns that differ between <paramref name="stored"/> and <paramref name="merged"/>: field, old value, new value.</summary>
    public static List<(string Field, string? Old, string? New)> Changes(Item stored, Item merged)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(merged);
        var changes = new List<(string, string?, string?)>();
        void Compare(string field, string? old, string? now)
        {
            if (!string.Equals(old, now, StringComparison.Ordinal)) changes.Add((field, old, now));
        }
        Compare("title", stored.Title, merged.Title);
        Compare("proposer", stored.Proposer, merged.Proposer);
        Compare("bureau_role", stored.BureauRole.Code(), merged.BureauRole.Code());
        Compare("role_text", stored.RoleText, merged.RoleText);
        // A new lead division is a reassignment: the former lead's links stop recording for it.
        Compare("lead_division", stored.LeadDivision, merged.LeadDivision);
        Compare("co_divisions", string.Join("、", stored.CoDivisions), string.Join("、", merged.CoDivisions));
        Compare("assigned_on", ProposalRow.Iso(stored.AssignedOn), ProposalRow.Iso(merged.AssignedOn));
        Compare("due_on", ProposalRow.Iso(stored.DueOn), ProposalRow.Iso(merged.DueOn));
        Compare("key", stored.IsKey ? "是" : "否", merged.IsKey ? "是" : "否");
        Compare("lead_unit", stored.LeadUnit, merged.LeadUnit);
        Compare("co_units", stored.CoUnits, merged.CoUnits);
        return changes;
    }
}
