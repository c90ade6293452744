using System.Globalization;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>One column of the figures tables: its Chinese heading and how a cell is read.</summary>
/// <param name="Heading">The heading, as the annual report's tables word it.</param>
/// <param name="Count">The count shown, for count columns.</param>
/// <param name="Rate">The rate shown as a percentage, for rate columns.</param>
/// <param name="Compact">Whether the narrow text table shows it.</param>
/// <param name="ShownWhen">For a column of the narrow table that matters only sometimes: whether a row calls for it.</param>
internal sealed record FigureColumn(
    string Heading, Func<Figures, int>? Count, Func<Figures, double?>? Rate, bool Compact, Func<Figures, bool>? ShownWhen = null)
{
    /// <summary>Whether this is a rate column.</summary>
    public bool IsRate => Rate is not null;

    /// <summary>The cell as text: the count, or the rate as 83.33% / —.</summary>
    public string Text(Figures f) =>
        Count is not null ? Count(f).ToString(CultureInfo.InvariantCulture) : Percent.Format(Rate!(f));

    /// <summary>The cell as a value for a spreadsheet: an integer count, the rate as a fraction (0.8333), or — when there is no rate.</summary>
    public object Value(Figures f) => Count is not null ? Count(f) : Percent.Round(Rate!(f)) is { } r ? r : Percent.None;
}

/// <summary>The columns every tabular format shows, in order; one place, so all formats agree.</summary>
internal static class FigureColumns
{
    private static FigureColumn C(string heading, Func<Figures, int> count, bool compact = false) => new(heading, count, null, compact);
    private static FigureColumn R(string heading, Func<Figures, double?> rate) => new(heading, null, rate, true);

    // Shown in the narrow table only when some row has them: most bureaus have no 协办 or 重新办理 items.
    private static FigureColumn Sometimes(string heading, Func<Figures, int> count) => new(heading, count, null, true, f => count(f) > 0);

    /// <summary>All figure columns.</summary>
    public static IReadOnlyList<FigureColumn> All { get; } =
    [
        C("主办", f => f.Assigned, compact: true),
        C("已办复", f => f.Replied, compact: true),
        C("按期办复", f => f.RepliedOnTime, compact: true),
        C("逾期未办复", f => f.OverdueOpen, compact: true),
        C("尚在期限内", f => f.OpenNotDue, compact: true),
        C("已测评", f => f.Evaluated, compact: true),
        C("满意", f => f.Satisfied),
        C("基本满意", f => f.BasicallySatisfied),
        C("不满意", f => f.Dissatisfied),
        Sometimes("重新办理", f => f.Rehandled),
        C("已再次答复", f => f.Rereplied),
        C("最终满意", f => f.FinalSatisfied),
        C("最终基本满意", f => f.FinalBasicallySatisfied),
        C("最终不满意", f => f.FinalDissatisfied),
        C("A类", f => f.ClassA),
        C("B类", f => f.ClassB),
        C("C类", f => f.ClassC),
        C("D类", f => f.ClassD),
        C("解决", f => f.Solved),
        C("延期", f => f.Extended, compact: true),
        C("退回", f => f.Returned, compact: true),
        Sometimes("超期退回", f => f.ReturnedLate),
        C("重点督办", f => f.KeyItems),
        C("重点已办复", f => f.KeyReplied),
        Sometimes("协办", f => f.Assisting),
        C("协办意见已送达", f => f.AssistingDelivered),
        Sometimes("答复公开", f => f.Published),
        R("办复率", f => f.ReplyRate),
        R("按期办复率", f => f.OnTimeReplyRate),
        R("满意率", f => f.SatisfactionRate),
        R("基本满意率", f => f.BasicallySatisfiedRate),
        new("最终满意率", null, f => f.FinalSatisfactionRate, true, f => f.Rehandled > 0),
        new("最终基本满意率", null, f => f.FinalBasicallySatisfiedRate, true, f => f.Rehandled > 0),
        R("解决率", f => f.SolvedRate),
        Share("A类占主办", ReplyClass.A),
        Share("B类占主办", ReplyClass.B),
        Share("C类占主办", ReplyClass.C),
        Share("D类占主办", ReplyClass.D),
        R("A类占已办复", f => f.ClassARate),
    ];

    // A class's share of the items assigned: in the workbook and the full tables, not the narrow one.
    private static FigureColumn Share(string heading, ReplyClass replyClass) => new(heading, null, f => f.ClassShare(replyClass), false);

    /// <summary>The columns of the narrow text table for <paramref name="rows"/>: the compact ones, the occasional ones only when some row calls for them.</summary>
    public static IReadOnlyList<FigureColumn> Compact(IEnumerable<Figures> rows)
    {
        var figures = rows.ToList();
        return All.Where(c => c.Compact && (c.ShownWhen is null || figures.Any(c.ShownWhen))).ToList();
    }
}
