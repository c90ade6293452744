using System.Globalization;

namespace Proposals.Domain.Reminders;

/// <summary>The codes of <see cref="ReminderStage"/>; part of the stored key, so never reworded.</summary>
internal static class StageCodes
{
    /// <summary>The stage on the due date itself.</summary>
    public const string Due = "due";

    // Overdue codes are asked for on every sweep for every overdue item: the first ones are made once.
    private static readonly string[] OverdueCache =
        Enumerable.Range(1, 64).Select(Format).ToArray();

    /// <summary>"before-N" for the stage N calendar days before the due date.</summary>
    public static string Before(int days) => "before-" + days.ToString(CultureInfo.InvariantCulture);

    /// <summary>"overdue-N" for the N-th reminder after the due date (N from 1).</summary>
    public static string Overdue(int number) =>
        number <= OverdueCache.Length ? OverdueCache[number - 1] : Format(number);

    /// <summary>Whether <paramref name="code"/> names a stage after the due date.</summary>
    public static bool IsOverdue(string code) => code.StartsWith("overdue-", StringComparison.Ordinal);

    private static string Format(int number) => "overdue-" + number.ToString(CultureInfo.InvariantCulture);
}
