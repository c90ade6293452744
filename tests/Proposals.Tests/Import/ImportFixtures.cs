using Proposals.Domain.Calendar;

namespace Proposals.Tests.Import;

/// <summary>Paths, divisions and the working calendar the import tests share.</summary>
internal static class ImportFixtures
{
    /// <summary>The divisions the fixture ledgers name.</summary>
    public static readonly IReadOnlySet<string> Divisions = new HashSet<string> { "综合处", "金融服务处", "银行保险处", "法规处" };

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "import", name);

    /// <summary>The repository's <c>seeds/</c> folder, found by walking up to the solution file.</summary>
    public static string Seed(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proposals.sln"))) return Path.Combine(dir.FullName, "seeds", name);
        }
        throw new InvalidOperationException("Proposals.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The State Council schedules of 2018 and 2019 (国办发明电〔2017〕12号, 〔2018〕15号), the parts
    /// the fixtures' dates run through.
    /// </summary>
    public static WorkingCalendar TestCalendar { get; } = new(
    [
        Year(2018, "国办发明电〔2017〕12号",
            ["2018-04-05", "2018-04-06", "2018-04-07", "2018-04-29", "2018-04-30", "2018-05-01", "2018-06-18",
             "2018-09-24", "2018-10-01", "2018-10-02", "2018-10-03", "2018-10-04", "2018-10-05", "2018-10-06", "2018-10-07"],
            ["2018-04-08", "2018-04-28", "2018-09-29", "2018-09-30"]),
        Year(2019, "国办发明电〔2018〕15号",
            ["2019-04-05", "2019-05-01", "2019-05-02", "2019-05-03", "2019-05-04", "2019-06-07", "2019-09-13",
             "2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10-05", "2019-10-06", "2019-10-07"],
            ["2019-04-28", "2019-05-05", "2019-09-29", "2019-10-12"]),
    ]);

    private static YearSchedule Year(int year, string source, string[] holidays, string[] workingWeekends)
    {
        var days = holidays.ToDictionary(D, _ => new ScheduledDay(DayKind.Holiday, "假日"));
        foreach (var d in workingWeekends) days[D(d)] = new ScheduledDay(DayKind.WorkingWeekend, "调休");
        return new YearSchedule(year, days, source);
    }

    /// <summary>An ISO date, for tables of cases.</summary>
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
