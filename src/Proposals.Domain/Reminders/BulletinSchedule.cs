namespace Proposals.Domain.Reminders;

/// <summary>
/// When the weekly 通报 of overdue items goes (Reminders:BulletinDay): on the first working day on or
/// after that weekday, once per week. A week here runs from one bulletin day to the day before the
/// next, so a bulletin moved by a holiday never meets the next one on the same day (a worker first
/// started mid-week sends that week's on its first working day).
/// </summary>
public static class BulletinSchedule
{
    /// <summary>The bulletin day on or before <paramref name="today"/>: the week <paramref name="today"/> belongs to, and the bulletin's record key.</summary>
    public static DateOnly WeekOf(DayOfWeek bulletinDay, DateOnly today) =>
        today.AddDays(-(((int)today.DayOfWeek - (int)bulletinDay + 7) % 7));

    /// <summary>Reads a day name: Monday ... Sunday (any case) or 周一 ... 周日 / 星期一 ... 星期日 (星期天); null when it is none.</summary>
    public static DayOfWeek? ParseDay(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (Enum.TryParse<DayOfWeek>(t, ignoreCase: true, out var day) && !int.TryParse(t, out _)) return day;
        var chinese = t.StartsWith("星期", StringComparison.Ordinal) ? t[2..] : t.StartsWith('周') ? t[1..] : null;
        return chinese switch
        {
            "一" => DayOfWeek.Monday,
            "二" => DayOfWeek.Tuesday,
            "三" => DayOfWeek.Wednesday,
            "四" => DayOfWeek.Thursday,
            "五" => DayOfWeek.Friday,
            "六" => DayOfWeek.Saturday,
            "日" or "天" => DayOfWeek.Sunday,
            _ => null,
        };
    }
}
