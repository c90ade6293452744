using System.Globalization;

namespace Proposals.Benchmarks;

/// <summary>The command line: <c>[--items N] [--seed S] [--today YYYY-MM-DD] [--overdue-within-days D] [--keep]</c>.</summary>
internal sealed record BenchOptions(int Items, int Seed, DateOnly? Today, int? OverdueWithinDays, bool Keep)
{
    public const string Usage =
        "usage: Proposals.Benchmarks [--items N (1000000)] [--seed S (2018)] [--today YYYY-MM-DD (2026-06-15)] " +
        "[--overdue-within-days D (overdue items due any time since 2018)] [--keep (keep the database)]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(1_000_000, 2018, null, null, false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--items" => options with { Items = Positive("--items", Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--today" => options with { Today = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--overdue-within-days" => options with { OverdueWithinDays = Positive("--overdue-within-days", Value()) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'. {Usage}"),
            };
        }
        return options;
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a whole number above 0, not '{text}'.");
}
