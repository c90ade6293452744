namespace Proposals.Domain.Rates;

/// <summary>How the rates are counted and named where offices differ.</summary>
/// <param name="CountBasicallySatisfied">
/// Whether 基本满意 counts towards the 满意率 with 满意 (the common rule); some offices count 满意 alone.
/// </param>
public sealed record RateSettings(bool CountBasicallySatisfied = true)
{
    /// <summary>The common rule: 满意 and 基本满意 both count as satisfied; a city bureau; class A is solved.</summary>
    public static RateSettings Default { get; } = new();

    /// <summary>The bureau's own level (<c>Reports:Level</c>): the level of a 届次 that names none.</summary>
    public string Level { get; init; } = CongressLevel.Default;

    /// <summary>The reply classes counted in 解决率 (<c>Reports:SolvedClasses</c>).</summary>
    public SolvedClasses SolvedClasses { get; init; } = SolvedClasses.Default;
}
