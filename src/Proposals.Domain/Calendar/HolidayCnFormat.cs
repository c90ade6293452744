using System.Text.Json;

namespace Proposals.Domain.Calendar;

/// <summary>
/// The community holiday-cn format (github.com/NateScarlet/holiday-cn, MIT): one file per year,
/// <c>{"year": 2019, "papers": [URL...], "days": [{"name", "date", "isOffDay"}]}</c>, listing only
/// the holiday days off and the declared working weekend days.
/// </summary>
internal static class HolidayCnFormat
{
    public static bool Matches(JsonElement root) => root.TryGetProperty("days", out _) || root.TryGetProperty("year", out _);

    public static CalendarFileContents Read(JsonElement root, CalendarJson json)
    {
        var year = json.Year(root, "year", "$");
        var days = json.Required(root, "days", JsonValueKind.Array, "$");
        var papers = Papers(root, json);
        if (days.GetArrayLength() == 0)
        {
            // An empty list is how holiday-cn marks a year the State Council has not published yet.
            return new CalendarFileContents(json.SourceName, CalendarFileFormat.HolidayCn, [], [year]);
        }

        var builder = new ScheduleBuilder(year, json.SourceName);
        var index = 0;
        foreach (var day in days.EnumerateArray())
        {
            var path = $"$.days[{index++}]";
            if (day.ValueKind != JsonValueKind.Object) throw json.Error(path, "expected an object with name, date and isOffDay");
            var name = json.Text(day, "name", path);
            var date = json.Date(json.Text(day, "date", path), $"{path}.date");
            var off = json.Required(day, "isOffDay", JsonValueKind.True, path).GetBoolean();
            // holiday-cn sometimes marks the weekday a holiday ends on as a working day
            // (2020-02-03 after the extended Spring Festival); a weekday works anyway.
            if (!off && !ScheduleBuilder.IsWeekend(date)) continue;
            builder.Add(date, off ? DayKind.Holiday : DayKind.WorkingWeekend, name, $"{path} ({year} {name})");
        }

        var source = papers.Count > 0 ? string.Join(ProjectCalendarFormat.NoticeSeparator, papers) : $"holiday-cn {json.SourceName}";
        return new CalendarFileContents(json.SourceName, CalendarFileFormat.HolidayCn, [builder.Build(source)], []);
    }

    private static List<string> Papers(JsonElement root, CalendarJson json)
    {
        var papers = json.Optional(root, "papers", JsonValueKind.Array, "$");
        if (papers is null) return [];
        var list = new List<string>();
        var index = 0;
        foreach (var paper in papers.Value.EnumerateArray())
        {
            if (paper.ValueKind != JsonValueKind.String) throw json.Error($"$.papers[{index}]", "expected a string (the notice's address)");
            list.Add(paper.GetString()!.Trim());
            index++;
        }
        return list;
    }
}
