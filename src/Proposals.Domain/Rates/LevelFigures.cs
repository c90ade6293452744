namespace Proposals.Domain.Rates;

/// <summary>
/// The figures of one kind's items of one level (市, 区, 县...), with their 届次 as recorded: reports give each
/// level its own clause and never name two levels' sessions together.
/// </summary>
/// <param name="Level">The level word, read from the 届次 or the bureau's own (<see cref="RateSettings.Level"/>).</param>
/// <param name="Sessions">The 届次 of the level's items the bureau handles (returned ones excluded), as recorded.</param>
/// <param name="Figures">The level's figures.</param>
public sealed record LevelFigures(string Level, IReadOnlyList<string> Sessions, Figures Figures);
