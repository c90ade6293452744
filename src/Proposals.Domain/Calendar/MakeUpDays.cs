namespace Proposals.Domain.Calendar;

/// <summary>
/// The make-up days (补假) of art. 6 of the national regulation: a holiday for all citizens that
/// falls on a Saturday or Sunday is made up on a working day.
/// </summary>
internal static class MakeUpDays
{
    /// <summary>
    /// For each statutory day of <paramref name="statutory"/> on a weekend, in date order, the next
    /// weekday that is not already a day off, with that day's holiday name.
    /// </summary>
    /// <remarks>
    /// "Not already a day off" skips the holiday's own weekdays and earlier make-up days: 2027's
    /// 春节 runs Fri Feb 5 to Mon Feb 8, so Sat Feb 6 is made up on Tue Feb 9 and Sun Feb 7 on Wed Feb 10.
    /// </remarks>
    public static IReadOnlyList<KeyValuePair<DateOnly, string>> For(IReadOnlyDictionary<DateOnly, string> statutory)
    {
        var off = new HashSet<DateOnly>(statutory.Keys);
        var madeUp = new List<KeyValuePair<DateOnly, string>>();
        foreach (var (date, name) in statutory.OrderBy(d => d.Key))
        {
            if (!IsWeekend(date)) continue;
            var day = date.AddDays(1);
            while (IsWeekend(day) || off.Contains(day)) day = day.AddDays(1);
            off.Add(day);
            madeUp.Add(new(day, name));
        }
        return madeUp;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
