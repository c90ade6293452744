using System.Text.Json;

namespace Proposals.Domain.Calendar;

/// <summary>
/// Reads this project's own calendar format: one entry per year with the State Council notices
/// it comes from, and per holiday its name, its days off (single dates or <c>FROM..TO</c>
/// ranges) and its declared working weekend days (调休上班). Written to be read and edited by a
/// person; see <c>Calendar/Data/china-working-calendar.json</c>.
/// </summary>
internal static class ProjectCalendarFormat
{
    public const string FormatName = "proposals-working-calendar";
    public const int Version = 1;

    /// <summary>Joins the notices of a year into <see cref="YearSchedule.Source"/>.</summary>
    public const string NoticeSeparator = "; ";

    /// <summary>Written between the two dates of a range of days off: <c>2019-10-01..2019-10-07</c>.</summary>
    public const string RangeSeparator = "..";

    /// <summary>A range longer than this is a typo, not a holiday.</summary>
    private const int LongestRange = 31;

    public static bool Matches(JsonElement root) => root.TryGetProperty("years", out _);

    public static CalendarFileContents Read(JsonElement root, CalendarJson json)
    {
        json.NoOtherProperties(root, "$", "format", "version", "about", "years");
        var format = json.Optional(root, "format", JsonValueKind.String, "$")?.GetString();
        if (format is not null && format != FormatName) throw json.Error("$.format", $"unknown format \"{format}\" (expected \"{FormatName}\")");
        var version = json.Optional(root, "version", JsonValueKind.Number, "$");
        if (version is not null && (!version.Value.TryGetInt32(out var v) || v != Version))
        {
            throw json.Error("$.version", $"version {version.Value.GetRawText()} is not supported (expected {Version})");
        }

        var schedules = new List<YearSchedule>();
        var unpublished = new List<int>();
        var seen = new Dictionary<int, string>();
        var index = 0;
        foreach (var entry in json.Required(root, "years", JsonValueKind.Array, "$").EnumerateArray())
        {
            var path = $"$.years[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object) throw json.Error(path, "expected an object with year, notices and holidays");
            json.NoOtherProperties(entry, path, "year", "notices", "holidays");
            var year = json.Year(entry, "year", path);
            if (!seen.TryAdd(year, path)) throw json.Error($"{path}.year", $"{year} is listed twice (also at {seen[year]})");

            var source = ReadNotices(entry, path, json);
            var builder = new ScheduleBuilder(year, json.SourceName);
            ReadHolidays(entry, path, builder, json);
            if (builder.IsEmpty) unpublished.Add(year);
            else schedules.Add(builder.Build(source));
        }
        return new CalendarFileContents(json.SourceName, CalendarFileFormat.Project, schedules, unpublished);
    }

    private static string ReadNotices(JsonElement entry, string path, CalendarJson json)
    {
        var notices = new List<string>();
        var index = 0;
        foreach (var notice in Items(json.Optional(entry, "notices", JsonValueKind.Array, path)))
        {
            var at = $"{path}.notices[{index++}]";
            if (notice.ValueKind == JsonValueKind.String)
            {
                notices.Add(notice.GetString()!.Trim());
                continue;
            }
            if (notice.ValueKind != JsonValueKind.Object) throw json.Error(at, "expected an object with title and url");
            json.NoOtherProperties(notice, at, "title", "url");
            var title = json.Optional(notice, "title", JsonValueKind.String, at)?.GetString()?.Trim();
            var url = json.Optional(notice, "url", JsonValueKind.String, at)?.GetString()?.Trim();
            var text = string.Join(" ", new[] { title, url }.Where(s => !string.IsNullOrEmpty(s)));
            if (text.Length == 0) throw json.Error(at, "a notice needs a title or a url");
            notices.Add(text);
        }
        return string.Join(NoticeSeparator, notices.Where(n => n.Length > 0));
    }

    private static void ReadHolidays(JsonElement entry, string path, ScheduleBuilder builder, CalendarJson json)
    {
        var index = 0;
        foreach (var holiday in Items(json.Optional(entry, "holidays", JsonValueKind.Array, path)))
        {
            var at = $"{path}.holidays[{index++}]";
            if (holiday.ValueKind != JsonValueKind.Object) throw json.Error(at, "expected an object with name, off and work");
            json.NoOtherProperties(holiday, at, "name", "off", "work");
            var name = json.Text(holiday, "name", at);
            ReadDays(holiday, "off", DayKind.Holiday, at, name, builder, json);
            ReadDays(holiday, "work", DayKind.WorkingWeekend, at, name, builder, json);
        }
    }

    private static void ReadDays(JsonElement holiday, string field, DayKind kind, string path, string name,
        ScheduleBuilder builder, CalendarJson json)
    {
        var index = 0;
        foreach (var item in Items(json.Optional(holiday, field, JsonValueKind.Array, path)))
        {
            var at = $"{path}.{field}[{index++}] ({builder.Year} {name})";
            if (item.ValueKind != JsonValueKind.String) throw json.Error(at, "expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD");
            var text = item.GetString()!;
            var parts = text.Split(RangeSeparator);
            if (parts.Length > 2) throw json.Error(at, $"bad range \"{text}\": expected FROM..TO");
            var from = json.Date(parts[0], at);
            var to = parts.Length == 2 ? json.Date(parts[1], at) : from;
            if (to < from) throw json.Error(at, $"bad range \"{text}\": it ends before it starts");
            if (to.DayNumber - from.DayNumber >= LongestRange) throw json.Error(at, $"bad range \"{text}\": longer than {LongestRange} days");
            for (var date = from; date <= to; date = date.AddDays(1)) builder.Add(date, kind, name, at);
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement? array) =>
        array is { } list ? list.EnumerateArray() : [];
}
