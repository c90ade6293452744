using Proposals.Domain.Ledger;

namespace Proposals.Tests.Infrastructure;

/// <summary>Items for tests, with every date explicit.</summary>
internal static class Items
{
    public static Item Make(
        string number, string assigned, string due, ItemKind kind = ItemKind.Npc, string session = "十五届一次",
        string lead = "银行保险处", string[]? co = null, string? coDue = null, string? replied = null,
        string? extendedTo = null, bool returned = false, bool key = false, Satisfaction? satisfaction = null,
        ReplyClass? replyClass = null, string title = "关于加大小微企业首贷支持力度的建议") => new()
    {
        Key = new ItemKey(kind, session, number),
        Title = title,
        Proposer = "王建国",
        LeadDivision = lead,
        CoDivisions = co ?? [],
        AssignedOn = D(assigned),
        DueOn = D(due),
        CoInputDueOn = coDue is null ? D(assigned).AddMonths(1) : D(coDue),
        RepliedOn = replied is null ? null : D(replied),
        Extension = extendedTo is null ? null : new Extension(D(extendedTo), "情况复杂"),
        ReturnDecision = returned ? ReturnDecision.Approved : null,
        IsKey = key,
        Satisfaction = satisfaction,
        ReplyClass = replyClass,
    };

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
