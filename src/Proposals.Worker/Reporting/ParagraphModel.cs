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
            ["asOfText"] = string.Create(CultureInfo.InvariantCulture, $"{report.AsOf.Year}年{report.AsOf.Month}月{report.AsOf.Day}日"),
            ["yearEnd"] = report.AsOf >= new DateOnly(report.Year, 12, 31),
            ["kinds"] = new List<object> { Kind(ItemKind.Npc, report), Kind(ItemKind.Cppcc, report) },
            ["total"] = Figures("total", report.Total),
            ["level"] = report.Settings.Level,
            ["countBasicallySatisfied"] = report.Settings.CountBasicallySatisfied,
            ["solvedClasses"] = report.Settings.SolvedClasses.Code,
            ["solvedClassesText"] = report.Settings.SolvedClasses.Text,
        };
    }

    private static Dictionary<string, object> Kind(ItemKind kind, YearReport report)
    {
        var model = Sessions(kind, Figures(kind.Code(), report.Kinds[kind]), report.Sessions[kind], report.Settings.Level);
        model["levels"] = report.Levels[kind]
            .Select(l => (object)Sessions(kind, Figures(kind.Code(), l.Figures), l.Sessions, l.Level))
            .ToList();
        return model;
    }

    // A session without a level word is named at the level it is counted in.
    private static Dictionary<string, object> Sessions(ItemKind kind, Dictionary<string, object> model, IReadOnlyList<string> sessions, string level)
    {
        model["level"] = level;
        model["sessions"] = sessions.Select(s => SessionName.Of(kind, s, level)).Distinct(StringComparer.Ordinal).ToList();
        model["sessionText"] = SessionName.Join(kind, sessions, level);
        return model;
    }

    private static Dictionary<string, object> Figures(string code, Figures f) => new()
    {
        ["code"] = code,
        ["assigned"] = f.Assigned,
        ["replied"] = f.Replied,
        ["repliedOnTime"] = f.RepliedOnTime,
        ["overdueOpen"] = f.OverdueOpen,
        ["openNotDue"] = f.OpenNotDue,
        ["evaluated"] = f.Evaluated,
        ["satisfied"] = f.Satisfied,
        ["basicallySatisfied"] = f.BasicallySatisfied,
        ["dissatisfied"] = f.Dissatisfied,
        ["classA"] = f.ClassA,
        ["classB"] = f.ClassB,
        ["classC"] = f.ClassC,
        ["classD"] = f.ClassD,
        ["returned"] = f.Returned,
        ["returnedLate"] = f.ReturnedLate,
        ["extended"] = f.Extended,
        ["keyItems"] = f.KeyItems,
        ["keyReplied"] = f.KeyReplied,
        ["assisting"] = f.Assisting,
        ["assistingDelivered"] = f.AssistingDelivered,
        ["handled"] = f.Assigned + f.Assisting,
        ["rehandled"] = f.Rehandled,
        ["rereplied"] = f.Rereplied,
        ["published"] = f.Published,
        ["replyRate"] = Percent.Format(f.ReplyRate),
        ["onTimeReplyRate"] = Percent.Format(f.OnTimeReplyRate),
        ["satisfactionRate"] = Percent.Format(f.SatisfactionRate),
        ["finalSatisfactionRate"] = Percent.Format(f.FinalSatisfactionRate),
        ["classARate"] = Percent.Format(f.ClassARate),
        ["basicallySatisfiedRate"] = Percent.Format(f.BasicallySatisfiedRate),
        ["finalBasicallySatisfiedRate"] = Percent.Format(f.FinalBasicallySatisfiedRate),
        ["solved"] = f.Solved,
        ["solvedRate"] = Percent.Format(f.SolvedRate),
        ["classShares"] = Enum.GetValues<ReplyClass>().ToDictionary(SolvedClasses.Letter, c => (object)Percent.Format(f.ClassShare(c))),
        ["publishedOfYear"] = f.PublishedOfYear,
        ["none"] = f.Assigned == 0 && f.Assisting == 0,
        ["hasLead"] = f.Assigned > 0,
        ["hasAssisting"] = f.Assisting > 0,
        ["allReplied"] = f.Assigned > 0 && f.Replied == f.Assigned,
        ["allOnTime"] = f.Assigned > 0 && f.RepliedOnTime == f.Assigned,
        // Nothing late so far: every reply on time and nothing open past its due date.
        ["noneLate"] = f.RepliedOnTime == f.Replied && f.OverdueOpen == 0,
        ["hasOverdue"] = f.OverdueOpen > 0,
        ["hasOpenNotDue"] = f.OpenNotDue > 0,
        ["hasEvaluations"] = f.Evaluated > 0,
        ["hasRehandled"] = f.Rehandled > 0,
        ["allRereplied"] = f.Rehandled > 0 && f.Rereplied == f.Rehandled,
        ["hasRereplied"] = f.Rereplied > 0,
        ["allAssistingDelivered"] = f.Assisting > 0 && f.AssistingDelivered == f.Assisting,
        ["hasAssistingDelivered"] = f.AssistingDelivered > 0,
        ["hasPublished"] = f.Published > 0,
        ["hasClasses"] = f.ClassA + f.ClassB + f.ClassC + f.ClassD > 0,
        ["hasPublishedOfYear"] = f.PublishedOfYear > 0,
        ["allPublished"] = f.Replied > 0 && f.PublishedOfYear == f.Replied,
    };
}
