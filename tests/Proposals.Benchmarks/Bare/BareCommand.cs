using System.Globalization;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// The child-process side of the harness: <c>Proposals.Benchmarks bare WHAT ...</c> runs one
/// baseline and prints <c>rows N</c> (and <c>items N</c> where it counts items), so that the
/// harness measures it the way it measures the program, as a process of its own.
/// </summary>
internal static class BareCommand
{
    public const string Verb = "bare";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string At(int i) => i < args.Count ? args[i] : throw new ArgumentException($"bare {string.Join(' ', args)}: argument {i} is missing");
        var what = At(0);
        long rows, items = -1;
        switch (what)
        {
            case "insert":
                rows = await BareInsert.RunAsync(new RawDatabase(At(1), At(2)), At(3)).ConfigureAwait(false);
                break;
            case "candidates":
                (rows, _) = await BareQueries.ReadAllAsync(new RawDatabase(At(1), At(2)), BareQueries.Candidates, BareQueries.CandidateParameters(Day(At(3)))).ConfigureAwait(false);
                break;
            case "groupby":
                (rows, items) = await BareQueries.ReadAllAsync(new RawDatabase(At(1), At(2)), BareQueries.YearGroups,
                    BareQueries.YearParameters(int.Parse(At(3), CultureInfo.InvariantCulture)), countColumn: 2).ConfigureAwait(false);
                break;
            case "overdue":
                (rows, _) = await BareQueries.ReadAllAsync(new RawDatabase(At(1), At(2)), BareQueries.Overdue, BareQueries.OverdueParameters(Day(At(3)))).ConfigureAwait(false);
                break;
            case "smtp":
                rows = await BareMail.RunAsync(At(1), int.Parse(At(2), CultureInfo.InvariantCulture), int.Parse(At(3), CultureInfo.InvariantCulture), At(4) == "nodelay").ConfigureAwait(false);
                break;
            default:
                await Console.Error.WriteLineAsync($"unknown baseline '{what}'").ConfigureAwait(false);
                return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows {rows}"));
        if (items >= 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"items {items}"));
        return 0;
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
