using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>One column of the figures tables: its Chinese heading and how a cell is read.</summary>
/// <param name="Heading">The heading, as the annual report's tables word it.</param>
/// <param name="Count">The count shown, for count columns.</param>
/// <param name="Rate">The rate shown as a percentage, for rate columns.</param>
/// <param name="Compact">Whether the narrow text table shows it.</param>
internal sealed record FigureColumn(string Heading, Func<Figures, int>? Count, Func<Figures, double?>? Rate, bool Compact)
{
    /// <summary>The cell as text: the count, or the rate as 83.33% / —.</summary>
    public string Text(Figures f) =>
        Count is not null ? Count(f).ToString(System.Globalization.CultureInfo.InvariantCulture) : Percent.Format(Rate!(f));

    /// <summary>The cell as a value for a spreadsheet: an integer count, or the rate's text.</summary>
    public object Value(Figures f) => Count is not null ? Count(f) : Percent.Format(Rate!(f));
}

/// <summary>The columns every tabular format shows, in order; one place, so all formats agree.</summary>
internal static class FigureColumns
{
    private static FigureColumn C(string heading, Func<Figures, int> count, bool compact = false) => new(heading, count, null, compact);
    private static FigureColumn R(string heading, Func<Figures, double?> rate) => new(heading, null, rate, true);

    /// <summary>All figure columns.</summary>
    public static IReadOnlyList<FigureColumn> All { get; } =
    [
        C("承办", f => f.Assigned, compact: true),
        C("已办复", f => f.Replied, compact: true),
        C("按期办复", f => f.RepliedOnTime, compact: true),
        C("逾期未办复", f => f.OverdueOpen, compact: true),
        C("已测评", f => f.Evaluated, compact: true),
        C("满意", f => f.Satisfied),
        C("基本满意", f => f.BasicallySatisfied),
        C("不满意", f => f.Dissatisfied),
        C("A类", f => f.ClassA),
        C("B类", f => f.ClassB),
        C("C类", f => f.ClassC),
        C("D类", f => f.ClassD),
        C("延期", f => f.Extended, compact: true),
        C("退回", f => f.Returned, compact: true),
        C("重点督办", f => f.KeyItems),
        C("重点已办复", f => f.KeyReplied),
        R("办复率", f => f.ReplyRate),
        R("按期办复率", f => f.OnTimeReplyRate),
        R("满意率", f => f.SatisfactionRate),
        R("解决率", f => f.ClassARate),
    ];

    /// <summary>The columns of the narrow text table.</summary>
    public static IReadOnlyList<FigureColumn> Compact { get; } = All.Where(c => c.Compact).ToList();
}
