using System.Globalization;
using Proposals.Benchmarks.Replay;

namespace Proposals.Benchmarks;

/// <summary>
/// The command line: <c>[--items N] [--provider sqlite|postgres] [--quick] [--messages N] [--seed S]
/// [--program PATH] [--keep]</c>. <c>--quick</c> is a small ledger (10,000 items, 50 messages) for
/// checking the harness itself; the full run is a million items and 5,000 messages. With
/// <c>--replay FILE</c> (<see cref="ReplayOptions"/>) it replays that ledger file instead.
/// </summary>
internal sealed record BenchOptions(int Items, int Messages, string Provider, bool Quick, int Seed, string? Program, bool Keep, ReplayOptions? Replay = null)
{
    public const string Usage =
        "usage: ops/bench.sh [--items N (1000000)] [--provider sqlite|postgres] [--quick (10000 items, 50 messages)] " +
        "[--messages N (5000)] [--seed S (2020)] [--program PATH (proposals.dll or a published proposals)] [--keep (keep the work folder)]; " +
        "or " + ReplayOptions.Usage;

    /// <summary>How long one operation may take before it is killed and reported as failed.</summary>
    public TimeSpan Limit => Quick ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(60);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        int? items = null, messages = null;
        var options = new BenchOptions(0, 0, "sqlite", false, 2020, null, false);
        string? replay = null, divisions = null;
        DateOnly? from = null, through = null;
        var settings = new List<KeyValuePair<string, string>>();
        var scaleOnly = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--items": scaleOnly.Add(args[i]); items = Positive("--items", Value()); break;
                case "--messages": scaleOnly.Add(args[i]); messages = Positive("--messages", Value()); break;
                case "--provider":
                    var provider = Value();
                    options = provider is "sqlite" or "postgres"
                        ? options with { Provider = provider }
                        : throw new ArgumentException($"--provider must be sqlite or postgres, not '{provider}'. {Usage}");
                    if (provider != "sqlite") scaleOnly.Add("--provider " + provider);
                    break;
                case "--quick": scaleOnly.Add(args[i]); options = options with { Quick = true }; break;
                case "--seed": scaleOnly.Add(args[i]); options = options with { Seed = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) }; break;
                case "--replay": replay = Path.GetFullPath(Value()); break;
                case "--divisions": divisions = Path.GetFullPath(Value()); break;
                case "--from": from = ReplayOptions.Date("--from", Value()); break;
                case "--through": through = ReplayOptions.Date("--through", Value()); break;
                case "--set": settings.Add(ReplayOptions.Setting(Value())); break;
                case "--program": options = options with { Program = Path.GetFullPath(Value()) }; break;
                case "--keep": options = options with { Keep = true }; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'. {Usage}");
            }
        }
        if (replay is null && (divisions is not null || from is not null || through is not null || settings.Count > 0))
        {
            throw new ArgumentException($"--divisions, --from, --through and --set go with --replay FILE. {Usage}");
        }
        if (replay is not null && scaleOnly.Count > 0)
        {
            // The replay is the program's mail on a SQLite ledger of the file's size; the scale options mean nothing to it.
            throw new ArgumentException($"--replay does not take {string.Join(", ", scaleOnly)}. {ReplayOptions.Usage}");
        }
        if (from is { } f && through is { } t && t < f)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--through {t:yyyy-MM-dd} is before --from {f:yyyy-MM-dd}."));
        }
        return options with
        {
            Replay = replay is null ? null : new ReplayOptions(replay, divisions, from, through, settings),
            Items = items ?? (options.Quick ? 10_000 : 1_000_000),
            Messages = messages ?? (options.Quick ? 50 : 5_000),
        };
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a whole number above 0, not '{text}'.");
}
