using System.Globalization;

namespace Proposals.Benchmarks.Replay;

/// <summary>
/// <c>--replay FILE [--divisions FILE] [--from DATE] [--through DATE] [--set KEY=VALUE ...]</c>: which
/// ledger file to replay day by day, with which divisions, over which days, under which extra settings
/// (each <c>--set Reminders:Grouping=item</c> reaches the program as its environment variable).
/// </summary>
internal sealed record ReplayOptions(string File, string? Divisions, DateOnly? From, DateOnly? Through, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    public const string Usage =
        "ops/bench.sh --replay FILE [--divisions FILE (seeds/divisions.csv)] [--from DATE (the first 交办日期)] " +
        "[--through DATE (a year after --from, less a day)] [--set KEY=VALUE (a setting, e.g. Reminders:Grouping=item; repeatable)] [--program PATH] [--keep]";

    /// <summary>A date as the command line gives it (2018-03-20).</summary>
    public static DateOnly Date(string name, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"{name} must be a date such as 2018-03-20, not '{text}'.");

    /// <summary>A <c>KEY=VALUE</c> setting; the key as appsettings.sample.json names it (':' between sections).</summary>
    public static KeyValuePair<string, string> Setting(string text)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        return at > 0
            ? new(text[..at].Trim(), text[(at + 1)..])
            : throw new ArgumentException($"--set needs KEY=VALUE, such as Reminders:Grouping=item, not '{text}'.");
    }

    /// <summary>The settings as environment variables (':' written '__'), as a deployment gives them.</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment =>
        Settings.Select(s => new KeyValuePair<string, string>(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value));
}
