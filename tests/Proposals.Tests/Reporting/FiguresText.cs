using Proposals.Domain.Rates;

namespace Proposals.Tests.Reporting;

internal static class FiguresText
{
    /// <summary>
    /// The counts in one line, in this order:
    /// assigned replied onTime overdueOpen | evaluated 满意 基本满意 不满意 | A B C D | returned extended key keyReplied.
    /// </summary>
    public static string Counts(Figures f) =>
        $"{f.Assigned} {f.Replied} {f.RepliedOnTime} {f.OverdueOpen} | " +
        $"{f.Evaluated} {f.Satisfied} {f.BasicallySatisfied} {f.Dissatisfied} | " +
        $"{f.ClassA} {f.ClassB} {f.ClassC} {f.ClassD} | " +
        $"{f.Returned} {f.Extended} {f.KeyItems} {f.KeyReplied}";

    /// <summary>The four rates as the report shows them: reply, on-time, satisfaction, class A.</summary>
    public static string Rates(Figures f) =>
        $"{Percent.Format(f.ReplyRate)} {Percent.Format(f.OnTimeReplyRate)} {Percent.Format(f.SatisfactionRate)} {Percent.Format(f.ClassARate)}";

    /// <summary>
    /// The counts added with the rest of a bureau's year, in this order:
    /// openNotDue | assisting assistingDelivered | rehandled rereplied final(满意 基本满意 不满意) | returnedLate published.
    /// </summary>
    public static string Added(Figures f) =>
        $"{f.OpenNotDue} | {f.Assisting} {f.AssistingDelivered} | " +
        $"{f.Rehandled} {f.Rereplied} {f.FinalSatisfied} {f.FinalBasicallySatisfied} {f.FinalDissatisfied} | " +
        $"{f.ReturnedLate} {f.Published}";
}
