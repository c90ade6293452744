using System.Globalization;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Recording;

/// <summary>What a recorded fact says beyond its kind and day, in one line, as `history` and the item page show it.</summary>
internal static class FactText
{
    /// <summary>The fact's division, class, evaluation, new date, decision, office, reason and override, those it has.</summary>
    public static string Of(LedgerFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return string.Join(" ", new[]
        {
            fact.Division, fact.Class is { } c ? $"{c}类" : null, fact.Satisfaction?.ChineseName(),
            fact.To is { } to ? "至 " + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            fact.Decision?.ChineseName(), fact.DecidedBy, fact.Reason, fact.Override is null ? null : "越过规则 (override): " + fact.Override,
        }.Where(p => !string.IsNullOrEmpty(p))).ReplaceLineEndings(" ");
    }
}
