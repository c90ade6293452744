using Proposals.Domain.Calendar;

namespace Proposals.Tests.Calendar;

/// <summary>Writing schedules in the project's own format, as stored for years the user adds.</summary>
public sealed class CalendarFileWriteFacts
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static YearSchedule NationalDay2019(string source)
    {
        var days = new Dictionary<DateOnly, ScheduledDay>
        {
            [D("2019-10-12")] = new(DayKind.WorkingWeekend, "国庆节"),
            [D("2019-09-29")] = new(DayKind.WorkingWeekend, "国庆节"),
            [D("2019-06-07")] = new(DayKind.Holiday, "端午节"),
        };
        for (var d = D("2019-10-01"); d <= D("2019-10-07"); d = d.AddDays(1)) days[d] = new(DayKind.Holiday, "国庆节");
        return new YearSchedule(2019, days, source);
    }

    [Fact]
    public void Write_PutsOneHolidayPerLine_WithRangesOfDaysOff()
    {
        var text = CalendarFile.Write([NationalDay2019("国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号)")]);

        var lines = text.Split('\n');
        Assert.Contains("        {\"name\": \"端午节\", \"off\": [\"2019-06-07\"], \"work\": []},", lines);
        Assert.Contains("        {\"name\": \"国庆节\", \"off\": [\"2019-10-01..2019-10-07\"], \"work\": [\"2019-09-29\", \"2019-10-12\"]}", lines);
        Assert.Contains("        {\"title\": \"国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号)\"}", lines);
        Assert.Contains("      \"year\": 2019,", lines);
    }

    [Theory]
    [InlineData("国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号)")]
    [InlineData("国务院办公厅关于2019年部分节假日安排的通知 http://www.gov.cn/a.htm; 国务院办公厅关于调整2019年劳动节假期安排的通知 https://www.gov.cn/b.htm")]
    [InlineData("http://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm")]
    [InlineData("")]
    public void Write_ThenParse_GivesBackTheSameDaysAndSource(string source)
    {
        var schedule = NationalDay2019(source);

        var back = Assert.Single(CalendarFile.Parse(CalendarFile.Write([schedule]), "stored.json"));

        Assert.Equal(schedule.Year, back.Year);
        Assert.Equal(schedule.Source, back.Source);
        Assert.Equal(schedule.Days.OrderBy(d => d.Key), back.Days.OrderBy(d => d.Key));
    }

    [Fact]
    public void Write_ThenParse_GivesBackEveryShippedYear()
    {
        var shipped = ShippedCalendar.Load();

        var back = CalendarFile.Parse(CalendarFile.Write(shipped), "stored.json");

        Assert.Equal(shipped.Select(s => s.Year), back.Select(s => s.Year));
        foreach (var (before, after) in shipped.Zip(back))
        {
            Assert.Equal(before.Source, after.Source);
            Assert.Equal(before.Days.OrderBy(d => d.Key), after.Days.OrderBy(d => d.Key));
        }
    }

    [Fact]
    public void Write_ConvertsHolidayCnToOwnFormat()
    {
        const string json = """
            {"year": 2027, "papers": ["https://www.gov.cn/x.htm"], "days": [
              {"name": "国庆节", "date": "2027-10-01", "isOffDay": true},
              {"name": "国庆节", "date": "2027-10-02", "isOffDay": true},
              {"name": "国庆节", "date": "2027-09-26", "isOffDay": false}]}
            """;

        var text = CalendarFile.Write(CalendarFile.Parse(json, "2027.json"));

        Assert.Contains("{\"name\": \"国庆节\", \"off\": [\"2027-10-01..2027-10-02\"], \"work\": [\"2027-09-26\"]}", text);
        Assert.Contains("{\"url\": \"https://www.gov.cn/x.htm\"}", text);
        Assert.Equal(CalendarFileFormat.Project, CalendarFile.Parse(text, "stored.json").Format);
    }

    [Fact]
    public void Write_Throws_WhenAYearIsGivenTwice()
    {
        var error = Assert.Throws<ArgumentException>(() => CalendarFile.Write([NationalDay2019("a"), NationalDay2019("b")]));

        Assert.Contains("2019", error.Message);
    }
}
