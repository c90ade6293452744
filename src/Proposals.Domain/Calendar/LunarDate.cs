using System.Globalization;

namespace Proposals.Domain.Calendar;

/// <summary>
/// Days of the Chinese lunisolar calendar (农历) as Gregorian dates, for the lunar holidays
/// 春节, 端午节 and 中秋节.
/// </summary>
/// <remarks>
/// .NET numbers the months of a lunar year with a leap month (闰月) 1 to 13, the leap month taking
/// the number after the month it repeats: in 2025 (闰六月) number 7 is the leap sixth month and the
/// eighth month is number 9. Callers here name ordinary months, and they are renumbered.
/// </remarks>
internal static class LunarDate
{
    /// <summary>The last Gregorian year whose lunar year .NET's table covers whole (its table ends on 2101-01-28).</summary>
    public static int LastYear { get; } = new ChineseLunisolarCalendar().MaxSupportedDateTime.Year - 1;

    /// <summary>Day <paramref name="day"/> of the ordinary (not leap) month <paramref name="month"/> of the lunar year that begins in <paramref name="year"/>.</summary>
    public static DateOnly ToGregorian(int year, int month, int day)
    {
        // A fresh instance per call: Calendar does not promise that instances are thread-safe, and
        // estimates may be computed on several threads at once.
        var lunar = new ChineseLunisolarCalendar();
        var leap = lunar.GetLeapMonth(year); // 0, or the number the leap month carries
        var number = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(lunar.ToDateTime(year, number, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 除夕 before the lunar year that begins in <paramref name="year"/>: the day before 正月初一,
    /// which is the 29th or the 30th of the twelfth month (or of a leap twelfth month).
    /// </summary>
    public static DateOnly NewYearsEve(int year) => ToGregorian(year, 1, 1).AddDays(-1);
}
