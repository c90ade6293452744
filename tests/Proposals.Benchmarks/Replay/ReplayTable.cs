using System.Globalization;
using static System.FormattableString;

namespace Proposals.Benchmarks.Replay;

/// <summary>The replay's results as one markdown table (measure, value, detail), then each failed day's standard error.</summary>
internal static class ReplayTable
{
    private const int Top = 5;

    public static void Print(TextWriter output, ReplayRun run)
    {
        var mail = run.Mail;
        var sweeps = run.Sweeps;
        var rows = new List<(string Measure, string Value, string Detail)>
        {
            ("working days replayed", N(mail.WorkingDays), Invariant($"{Iso(run.From)} to {Iso(run.Through)}, a sweep at 09:00 on each")),
            ("emails in all", N(mail.Emails), Invariant($"on {mail.DaysWithMail:N0} of the days; {mail.ItemMentions:N0} item mentions; {mail.EmailsNamingNoItem:N0} naming no item")),
        };
        var busiest = mail.MostInADay;
        rows.Add(("emails per working day, max", N(busiest.Emails), busiest.Day is { } d ? Iso(d) : ""));
        rows.Add(("emails per working day, mean", mail.MeanPerWorkingDay.ToString("F2", CultureInfo.InvariantCulture), ""));
        var most = mail.MostToOneAddressInADay;
        rows.Add(("most emails to one address on one day", N(most.Emails), most.Address is null ? "" : $"{most.Address} on {Iso(most.Day!.Value)}"));
        var place = 0;
        foreach (var (address, emails) in mail.PerAddress(Top))
        {
            rows.Add((Invariant($"emails to one address over the replay, #{++place}"), N(emails), address));
        }
        rows.Add(("emails with a copy (Cc)", N(mail.EmailsWithCc), string.Join(", ", mail.Copied.Select(c => Invariant($"{c.Address} ×{c.Emails:N0}")))));
        var item = mail.MostDaysOneItemToOneDivision;
        rows.Add(("most days one item appeared in emails to one division", N(item.Days), item.Item is null ? "" : $"{item.Item} to {item.Address}"));
        var failed = sweeps.Where(s => s.Failed).ToList();
        rows.Add(("sweeps failed (exit code not 0)", N(failed.Count), string.Join(", ", failed.Select(s => Iso(s.Day)))));
        if (sweeps.Count > 0)
        {
            var slowest = sweeps.MaxBy(s => s.Seconds)!;
            rows.Add(("sweep wall time, all days (s)", sweeps.Sum(s => s.Seconds).ToString("F1", CultureInfo.InvariantCulture),
                Invariant($"mean {sweeps.Average(s => s.Seconds):F2} s, max {slowest.Seconds:F2} s on {Iso(slowest.Day)}; a process each")));
            var peak = sweeps.Where(s => s.PeakRssMb is not null).MaxBy(s => s.PeakRssMb);
            rows.Add(("sweep peak RSS (MB)", peak?.PeakRssMb is { } mb ? mb.ToString("F0", CultureInfo.InvariantCulture) : "n/a", peak is null ? "not measured" : $"on {Iso(peak.Day)}"));
        }
        rows.Add(("import divisions and file (s)", run.ImportSeconds.ToString("F1", CultureInfo.InvariantCulture),
            run.ImportPeakRssMb is { } importMb ? Invariant($"peak RSS {importMb:F0} MB") : ""));
        rows.Add(("replay wall time (s)", run.WallSeconds.ToString("F1", CultureInfo.InvariantCulture), "imports, calendar, sweeps and reading the mail"));

        output.WriteLine("| measure | value | detail |");
        output.WriteLine("|---|---:|---|");
        foreach (var (measure, value, detail) in rows) output.WriteLine($"| {measure} | {value} | {Cell(detail)} |");

        foreach (var s in failed.Where(f => f.Stderr.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"sweep --as-of {Iso(s.Day)} exited {s.ExitCode.ToString(CultureInfo.InvariantCulture)}{(s.TimedOut ? " (killed)" : "")}: standard error began with");
            foreach (var line in s.Stderr) output.WriteLine("    " + line);
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A '|' inside a cell would end it.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
