using System.Globalization;

namespace Proposals.Domain.Rates;

/// <summary>How a rate is shown in reports: 100%, 95%, 83.33%, or — when there is no rate.</summary>
public static class Percent
{
    /// <summary>Shown where a rate has no value because its denominator is zero.</summary>
    public const string None = "—";

    /// <summary>
    /// The rate as a percentage with at most two decimals, trailing zeros dropped;
    /// <see cref="None"/> for null. Halves round away from zero, as people round by hand.
    /// </summary>
    public static string Format(double? rate)
    {
        if (rate is not { } r) return None;
        // Decimal arithmetic, so that 5/6 shows 83.33 and 0.145 shows 14.5 without binary noise.
        var percent = Math.Round((decimal)r * 100m, 2, MidpointRounding.AwayFromZero);
        return percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>The rate rounded to four decimals (the precision <see cref="Format"/> shows); null stays null.</summary>
    public static double? Round(double? rate) =>
        rate is { } r ? (double)Math.Round((decimal)r, 4, MidpointRounding.AwayFromZero) : null;
}
