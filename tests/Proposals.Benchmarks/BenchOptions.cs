using System.Globalization;

namespace Proposals.Benchmarks;

/// <summary>
/// The command line: <c>[--items N] [--provider sqlite|postgres] [--quick] [--messages N] [--seed S]
/// [--program PATH] [--keep]</c>. <c>--quick</c> is a small ledger (10,000 items, 50 messages) for
/// checking the harness itself; the full run is a million items and 5,000 messages.
/// </summary>
internal sealed record BenchOptions(int Items, int Messages, string Provider, bool Quick, int Seed, string? Program, bool Keep)
{
    public const string Usage =
        "usage: ops/bench.sh [--items N (1000000)] [--provider sqlite|postgres] [--quick (10000 items, 50 messages)] " +
        "[--messages N (5000)] [--seed S (2020)] [--program PATH (proposals.dll or a published proposals)] [--keep (keep the work folder)]";

    /// <summary>How long one operation may take before it is killed and reported as failed.</summary>
    public TimeSpan Limit => Quick ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(60);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        int? items = null, messages = null;
        var options = new BenchOptions(0, 0, "sqlite", false, 2020, null, false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--items": items = Positive("--items", Value()); break;
                case "--messages": messages = Positive("--messages", Value()); break;
                case "--provider":
                    var provider = Value();
                    options = provider is "sqlite" or "postgres"
                        ? options with { Provider = provider }
                        : throw new ArgumentException($"--provider must be sqlite or postgres, not '{provider}'. {Usage}");
                    break;
                case "--quick": options = options with { Quick = true }; break;
                case "--seed": options = options with { Seed = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) }; break;
                case "--program": options = options with { Program = Path.GetFullPath(Value()) }; break;
                case "--keep": options = options with { Keep = true }; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'. {Usage}");
            }
        }
        return options with
        {
            Items = items ?? (options.Quick ? 10_000 : 1_000_000),
            Messages = messages ?? (options.Quick ? 50 : 5_000),
        };
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a whole number above 0, not '{text}'.");
}
