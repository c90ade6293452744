using System.Globalization;
using Proposals.Domain.Ledger;

namespace Proposals.Tests.Reporting;

/// <summary>Small ledgers built in code, dates written as text so the tables read like the ledger.</summary>
internal static class Ledgers
{
    private static int next;

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptD(string? text) => text is null ? null : D(text);

    /// <summary>One item; the due date defaults to three months after assignment, ignoring holidays (tests give it where it matters).</summary>
    public static Item Item(
        ItemKind kind = ItemKind.Npc,
        string division = "综合处",
        string assigned = "2019-03-01",
        string? due = null,
        string? replied = null,
        string? extendedTo = null,
        ReplyClass? replyClass = null,
        Satisfaction? satisfaction = null,
        bool key = false,
        bool returned = false,
        string? title = null,
        string? number = null,
        string session = "十五届二次",
        BureauRole role = BureauRole.Lead,
        string? evaluated = null,
        string? rehandleDue = null,
        string? rereplied = null,
        Satisfaction? second = null,
        string? published = null,
        string? returnedOn = null,
        string? returnBy = null)
    {
        var assignedOn = D(assigned);
        var n = number ?? Interlocked.Increment(ref next).ToString("D4", CultureInfo.InvariantCulture);
        return new Item
        {
            Key = new ItemKey(kind, session, n),
            BureauRole = role,
            Title = title ?? $"关于第{n}号事项的建议",
            LeadDivision = division,
            AssignedOn = assignedOn,
            DueOn = due is null ? assignedOn.AddMonths(3) : D(due),
            CoInputDueOn = assignedOn.AddMonths(1),
            RepliedOn = OptD(replied),
            Extension = extendedTo is null ? null : new Extension(D(extendedTo), "情况复杂"),
            ReplyClass = replyClass,
            Satisfaction = satisfaction,
            IsKey = key,
            ReturnDecision = returned ? ReturnDecision.Approved : null,
            EvaluatedOn = OptD(evaluated),
            RehandleDueOn = OptD(rehandleDue),
            RerepliedOn = OptD(rereplied),
            SecondSatisfaction = second,
            PublishedOn = OptD(published),
            ReturnedOn = OptD(returnedOn),
            ReturnBy = OptD(returnBy),
        };
    }

    /// <summary>
    /// Like the 2018 ledger of the example annual report: 6 suggestions of the congress's first session
    /// and 3 proposals of the CPPCC's, all answered on time.
    /// </summary>
    public static IReadOnlyList<Item> Seeds2018() =>
    [
        .. Enumerable.Range(1, 6).Select(i => Item(ItemKind.Npc, i % 2 == 0 ? "银行处" : "综合处", "2018-02-26", "2018-05-28", $"2018-05-{10 + i:D2}", replyClass: ReplyClass.A, session: "十五届一次")),
        .. Enumerable.Range(1, 3).Select(i => Item(ItemKind.Cppcc, "综合处", "2018-03-05", "2018-06-05", $"2018-05-{20 + i:D2}", replyClass: ReplyClass.B, session: "十四届一次")),
    ];
}
