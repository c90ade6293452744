using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Proposals.Domain.Calendar;

/// <summary>
/// Writes schedules in this project's own format, one holiday per line, Chinese left readable,
/// so that a person can check a stored year against the notice at a glance.
/// </summary>
internal static class ProjectCalendarWriter
{
    public const string About =
        "中国法定节假日与调休上班日 (国务院办公厅通知). China statutory holidays and declared working weekend days. " +
        "\"off\": days off (a range is FROM..TO, both included); \"work\": weekend days declared working days. " +
        "Days not listed follow the week.";

    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<YearSchedule> schedules)
    {
        var years = schedules.OrderBy(s => s.Year).ToList();
        var duplicate = years.GroupBy(s => s.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The year {duplicate.Key} is given twice.", nameof(schedules));

        var text = new StringBuilder();
        text.Append("{\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"format\": {Quote(ProjectCalendarFormat.FormatName)},\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"version\": {ProjectCalendarFormat.Version},\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"about\": {Quote(About)},\n");
        text.Append("  \"years\": [\n");
        for (var i = 0; i < years.Count; i++)
        {
            WriteYear(text, years[i]);
            text.Append(i < years.Count - 1 ? "    },\n" : "    }\n");
        }
        text.Append("  ]\n}\n");
        return text.ToString();
    }

    private static void WriteYear(StringBuilder text, YearSchedule schedule)
    {
        text.Append("    {\n");
        text.Append(CultureInfo.InvariantCulture, $"      \"year\": {schedule.Year},\n");
        WriteList(text, "notices", Notices(schedule.Source).ToList(), ",");
        var holidays = schedule.Days
            .GroupBy(d => d.Value.Name)
            .OrderBy(g => FirstDayOff(g) ?? g.Min(d => d.Key))
            .Select(g => Holiday(g.Key, g.ToList()))
            .ToList();
        WriteList(text, "holidays", holidays, "");
    }

    private static void WriteList(StringBuilder text, string name, List<string> lines, string after)
    {
        if (lines.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"      \"{name}\": []{after}\n");
            return;
        }
        text.Append(CultureInfo.InvariantCulture, $"      \"{name}\": [\n");
        for (var i = 0; i < lines.Count; i++) text.Append("        ").Append(lines[i]).Append(i < lines.Count - 1 ? ",\n" : "\n");
        text.Append(CultureInfo.InvariantCulture, $"      ]{after}\n");
    }

    /// <summary>Splits a <see cref="YearSchedule.Source"/> back into notices: "title", "title URL" or "URL".</summary>
    private static IEnumerable<string> Notices(string source)
    {
        foreach (var notice in source.Split(ProjectCalendarFormat.NoticeSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = notice.LastIndexOf(' ');
            var last = notice[(space + 1)..];
            var isUrl = last.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || last.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            if (!isUrl) yield return $"{{\"title\": {Quote(notice)}}}";
            else if (space < 0) yield return $"{{\"url\": {Quote(last)}}}";
            else yield return $"{{\"title\": {Quote(notice[..space].Trim())}, \"url\": {Quote(last)}}}";
        }
    }

    private static string Holiday(string name, IReadOnlyList<KeyValuePair<DateOnly, ScheduledDay>> days)
    {
        var off = Ranges(days.Where(d => d.Value.Kind == DayKind.Holiday).Select(d => d.Key));
        var work = days.Where(d => d.Value.Kind == DayKind.WorkingWeekend).Select(d => d.Key).Order().Select(Iso);
        return $"{{\"name\": {Quote(name)}, \"off\": [{string.Join(", ", off.Select(Quote))}], \"work\": [{string.Join(", ", work.Select(Quote))}]}}";
    }

    // Holidays in the order they are taken, not the order their working weekend days fall in
    // (2026: 中秋节 from Sep 25 comes before 国庆节, whose first working day is Sep 20).
    private static DateOnly? FirstDayOff(IEnumerable<KeyValuePair<DateOnly, ScheduledDay>> days) =>
        days.Where(d => d.Value.Kind == DayKind.Holiday).Select(d => (DateOnly?)d.Key).Min();

    /// <summary>Runs of consecutive days as FROM..TO, single days as themselves.</summary>
    private static IEnumerable<string> Ranges(IEnumerable<DateOnly> dates)
    {
        var sorted = dates.Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j].AddDays(1)) j++;
            yield return i == j ? Iso(sorted[i]) : Iso(sorted[i]) + ProjectCalendarFormat.RangeSeparator + Iso(sorted[j]);
            i = j + 1;
        }
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, Strings);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
