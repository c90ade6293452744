using System.Globalization;
using System.Text.RegularExpressions;
using Proposals.Benchmarks.Harness;

namespace Proposals.Benchmarks.Replay;

/// <summary>
/// The working days the replay sweeps on, from the program's own calendar (<c>proposals calendar show
/// --year Y</c>: the shipped State Council schedules, a year loaded into the ledger, or the estimate),
/// so the replay sweeps exactly on the days the worker would. A day is a working day when it is a
/// weekday the schedule does not give off, or a weekend day it declares worked (调休).
/// </summary>
internal sealed partial class ReplayCalendar
{
    private readonly HashSet<DateOnly> _off = [];
    private readonly HashSet<DateOnly> _worked = [];

    private ReplayCalendar()
    {
    }

    public static async Task<ReplayCalendar> LoadAsync(ProgramUnderTest program, string folder, IReadOnlyDictionary<string, string> settings, DateOnly from, DateOnly through)
    {
        var calendar = new ReplayCalendar();
        for (var year = from.Year; year <= through.Year; year++)
        {
            var result = await program.RunAsync(folder, ["calendar", "show", "--year", year.ToString(CultureInfo.InvariantCulture)], settings, keepStdout: true).ConfigureAwait(false);
            if (result.ExitCode != 0) throw new InvalidOperationException($"calendar show --year {year} exited {result.ExitCode}: {string.Join(" ", result.StderrHead)}");
            var lines = 0;
            foreach (Match day in DayLine().Matches(result.Stdout))
            {
                var on = DateOnly.ParseExact(day.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                (day.Groups["kind"].Value == "上班" ? calendar._worked : calendar._off).Add(on);
                lines++;
            }
            // Every year has statutory days off: a year read as none means the listing's form changed.
            if (lines == 0) throw new InvalidOperationException($"calendar show --year {year} listed no day off or working weekend day the replay could read");
        }
        return calendar;
    }

    public bool IsWorkingDay(DateOnly day) =>
        _worked.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_off.Contains(day));

    public IEnumerable<DateOnly> WorkingDays(DateOnly from, DateOnly through)
    {
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) yield return day;
        }
    }

    // A line of the listing: the date, then (after the weekday) 放假 for a day off or 上班 for a working weekend day.
    [GeneratedRegex(@"^(?<day>\d{4}-\d{2}-\d{2})\s.*?(?<kind>放假|上班)", RegexOptions.Multiline)]
    private static partial Regex DayLine();
}
