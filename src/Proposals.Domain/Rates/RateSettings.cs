namespace Proposals.Domain.Rates;

/// <summary>How the rates are counted where offices differ.</summary>
/// <param name="CountBasicallySatisfied">
/// Whether 基本满意 counts towards the 满意率 with 满意 (the common rule); some offices count 满意 alone.
/// </param>
public sealed record RateSettings(bool CountBasicallySatisfied = true)
{
    /// <summary>The common rule: 满意 and 基本满意 both count as satisfied.</summary>
    public static RateSettings Default { get; } = new();
}
