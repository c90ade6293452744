namespace Proposals.Domain.Calendar;

/// <summary>
/// The statutory holidays for all citizens (全体公民放假的节日) of the national regulation
/// 全国年节及纪念日放假办法, as revised in 2024 and in force from 2025 (art. 2): 元旦 1 day,
/// 春节 4 days (除夕 to 正月初三), 清明节 1 day, 劳动节 2 days, 端午节 1 day, 中秋节 1 day,
/// 国庆节 3 days. Without the weekend make-up days (补假, see <see cref="MakeUpDays"/>).
/// </summary>
internal static class StatutoryHolidays
{
    /// <summary>The statutory days of <paramref name="year"/>, in date order, each with its holiday's name.</summary>
    /// <remarks>
    /// Two holidays can fall on one day (中秋节 on 2028-10-03): it is one day off, named after both,
    /// and the regulation gives nothing for the overlap. The State Council has lengthened such
    /// breaks (2020, 2023), but only its notice says by how much.
    /// </remarks>
    public static IReadOnlyDictionary<DateOnly, string> Of(int year)
    {
        var days = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly date, string name) =>
            days[date] = days.TryGetValue(date, out var other) ? $"{other}、{name}" : name;

        Add(new DateOnly(year, 1, 1), "元旦");
        var eve = LunarDate.NewYearsEve(year);
        for (var i = 0; i < 4; i++) Add(eve.AddDays(i), "春节");
        Add(SolarTerm.Qingming(year), "清明节");
        Add(new DateOnly(year, 5, 1), "劳动节");
        Add(new DateOnly(year, 5, 2), "劳动节");
        Add(LunarDate.ToGregorian(year, 5, 5), "端午节");
        Add(LunarDate.ToGregorian(year, 8, 15), "中秋节");
        for (var day = 1; day <= 3; day++) Add(new DateOnly(year, 10, day), "国庆节");
        return days;
    }
}
