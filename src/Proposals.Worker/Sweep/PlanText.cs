using Proposals.Domain.Ledger;

namespace Proposals.Worker.Sweep;

/// <summary>How the sweep names a reminder in its plan and its log: kind, session, number, division, stage.</summary>
internal static class PlanText
{
    public static string Reminder(ItemKey key, string division, string stage) =>
        $"{key.Kind.ShortName()} {key.Session} {key.Number}  {division}  {stage}";
}
