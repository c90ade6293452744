using System.Globalization;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// The values the paragraph template sees: counts, rates already formatted as percentages, and
/// the yes/no facts the wording turns on, so that a template never computes a figure itself.
/// </summary>
internal static class ParagraphModel
{
    /// <summary>The model of <paramref name="report"/>, as nested dictionaries Liquid reads natively.</summary>
    public static Dictionary<string, object> Of(YearReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Dictionary<string, object>
        {
            ["year"] = report.Year,
            ["asOf"] = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["asOfText"] = $"{report.AsOf.Year}年{report.AsOf.Month}月{report.AsOf.Day}日",
            ["yearEnd"] = report.AsOf >= new DateOnly(report.Year, 12, 31),
            ["kinds"] = new List<object> { Kind(ItemKind.Npc, report.Kinds[ItemKind.Npc]), Kind(ItemKind.Cppcc, report.Kinds[ItemKind.Cppcc]) },
            ["total"] = Kind(null, report.Total),
        };
    }

    private static Dictionary<string, object> Kind(ItemKind? kind, Figures f) => new()
    {
        ["code"] = kind?.Code() ?? "total",
        ["assigned"] = f.Assigned,
        ["replied"] = f.Replied,
        ["repliedOnTime"] = f.RepliedOnTime,
        ["overdueOpen"] = f.OverdueOpen,
        ["evaluated"] = f.Evaluated,
        ["satisfied"] = f.Satisfied,
        ["basicallySatisfied"] = f.BasicallySatisfied,
        ["dissatisfied"] = f.Dissatisfied,
        ["classA"] = f.ClassA,
        ["classB"] = f.ClassB,
        ["classC"] = f.ClassC,
        ["classD"] = f.ClassD,
        ["returned"] = f.Returned,
        ["extended"] = f.Extended,
        ["keyItems"] = f.KeyItems,
        ["keyReplied"] = f.KeyReplied,
        ["replyRate"] = Percent.Format(f.ReplyRate),
        ["onTimeReplyRate"] = Percent.Format(f.OnTimeReplyRate),
        ["satisfactionRate"] = Percent.Format(f.SatisfactionRate),
        ["classARate"] = Percent.Format(f.ClassARate),
        ["none"] = f.Assigned == 0,
        ["allReplied"] = f.Assigned > 0 && f.Replied == f.Assigned,
        ["allOnTime"] = f.Assigned > 0 && f.RepliedOnTime == f.Assigned,
        ["hasEvaluations"] = f.Evaluated > 0,
    };
}
