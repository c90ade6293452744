using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;

namespace Proposals.Tests.Reminders;

/// <summary>
/// The State Council schedules for 2019 and 2020 as published, written out here so that the tests
/// do not depend on the embedded data files.
/// </summary>
internal static class RealCalendar
{
    public static WorkingCalendar China2019And2020 { get; } = new([Year2019(), Year2020()]);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An item assigned 2019-07-01, due 2019-10-08 (3 months, moved past National Day), input due 2019-08-01.</summary>
    public static Item Item(
        string assignedOn = "2019-07-01", string dueOn = "2019-10-08", string coInputDueOn = "2019-08-01",
        params string[] coDivisions) => new()
    {
        Key = new ItemKey(ItemKind.Npc, "十五届三次", "0012"),
        Title = "关于支持小微企业融资的建议",
        LeadDivision = "财金处",
        CoDivisions = coDivisions,
        AssignedOn = D(assignedOn),
        DueOn = D(dueOn),
        CoInputDueOn = D(coInputDueOn),
    };

    private static YearSchedule Year2019() => Schedule(2019, "国办发明电〔2018〕15号, 国办发明电〔2019〕2号",
        ("2018-12-29", "元旦", false), ("2018-12-30", "元旦", true), ("2018-12-31", "元旦", true),
        ("2019-01-01", "元旦", true),
        ("2019-02-02", "春节", false), ("2019-02-03", "春节", false),
        ("2019-02-04", "春节", true), ("2019-02-05", "春节", true), ("2019-02-06", "春节", true),
        ("2019-02-07", "春节", true), ("2019-02-08", "春节", true), ("2019-02-09", "春节", true),
        ("2019-02-10", "春节", true),
        ("2019-04-05", "清明节", true),
        ("2019-04-28", "劳动节", false), ("2019-05-01", "劳动节", true), ("2019-05-02", "劳动节", true),
        ("2019-05-03", "劳动节", true), ("2019-05-04", "劳动节", true), ("2019-05-05", "劳动节", false),
        ("2019-06-07", "端午节", true),
        ("2019-09-13", "中秋节", true), ("2019-09-14", "中秋节", true), ("2019-09-15", "中秋节", true),
        ("2019-09-29", "国庆节", false),
        ("2019-10-01", "国庆节", true), ("2019-10-02", "国庆节", true), ("2019-10-03", "国庆节", true),
        ("2019-10-04", "国庆节", true), ("2019-10-05", "国庆节", true), ("2019-10-06", "国庆节", true),
        ("2019-10-07", "国庆节", true),
        ("2019-10-12", "国庆节", false));

    // The Spring Festival as extended to 2020-02-02 (国办发明电〔2020〕1号): 2020-02-01 no longer a working Saturday.
    private static YearSchedule Year2020() => Schedule(2020, "国办发明电〔2019〕16号, 国办发明电〔2020〕1号",
        ("2020-01-01", "元旦", true),
        ("2020-01-19", "春节", false),
        ("2020-01-24", "春节", true), ("2020-01-25", "春节", true), ("2020-01-26", "春节", true),
        ("2020-01-27", "春节", true), ("2020-01-28", "春节", true), ("2020-01-29", "春节", true),
        ("2020-01-30", "春节", true), ("2020-01-31", "春节", true), ("2020-02-01", "春节", true),
        ("2020-02-02", "春节", true),
        ("2020-04-04", "清明节", true), ("2020-04-05", "清明节", true), ("2020-04-06", "清明节", true),
        ("2020-04-26", "劳动节", false), ("2020-05-01", "劳动节", true), ("2020-05-02", "劳动节", true),
        ("2020-05-03", "劳动节", true), ("2020-05-04", "劳动节", true), ("2020-05-05", "劳动节", true),
        ("2020-05-09", "劳动节", false),
        ("2020-06-25", "端午节", true), ("2020-06-26", "端午节", true), ("2020-06-27", "端午节", true),
        ("2020-06-28", "端午节", false),
        ("2020-09-27", "国庆节、中秋节", false),
        ("2020-10-01", "国庆节、中秋节", true), ("2020-10-02", "国庆节、中秋节", true),
        ("2020-10-03", "国庆节、中秋节", true), ("2020-10-04", "国庆节、中秋节", true),
        ("2020-10-05", "国庆节、中秋节", true), ("2020-10-06", "国庆节、中秋节", true),
        ("2020-10-07", "国庆节、中秋节", true), ("2020-10-08", "国庆节、中秋节", true),
        ("2020-10-10", "国庆节、中秋节", false));

    private static YearSchedule Schedule(int year, string source, params (string Date, string Name, bool Off)[] days) =>
        new(year,
            days.ToDictionary(d => D(d.Date), d => new ScheduledDay(d.Off ? DayKind.Holiday : DayKind.WorkingWeekend, d.Name)),
            source);
}
