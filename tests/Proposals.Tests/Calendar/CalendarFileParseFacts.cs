using System.Text;
using Proposals.Domain.Calendar;

namespace Proposals.Tests.Calendar;

/// <summary>Reading calendar files: the project's own format and the community holiday-cn format.</summary>
public sealed class CalendarFileParseFacts
{
    private const string Own2019 = """
        {
          "format": "proposals-working-calendar",
          "version": 1,
          "years": [
            {
              "year": 2019,
              "notices": [
                {"title": "国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号)", "url": "http://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm"}
              ],
              "holidays": [
                {"name": "元旦", "off": ["2018-12-30..2019-01-01"], "work": ["2018-12-29"]},
                // comments and a trailing comma are tolerated in a hand-edited file
                {"name": "国庆节", "off": ["2019-10-01..2019-10-07"], "work": ["2019-09-29", "2019-10-12"]},
              ]
            }
          ]
        }
        """;

    private const string HolidayCn2019 = """
        {
          "year": 2019,
          "papers": ["http://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm"],
          "days": [
            {"name": "元旦", "date": "2018-12-29", "isOffDay": false},
            {"name": "元旦", "date": "2018-12-30", "isOffDay": true},
            {"name": "国庆节", "date": "2019-09-29", "isOffDay": false},
            {"name": "国庆节", "date": "2019-10-01", "isOffDay": true},
            {"name": "国庆节", "date": "2019-10-02", "isOffDay": true}
          ]
        }
        """;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Parse_ReadsOwnFormat_WithRangesNamesAndNotice()
    {
        var contents = CalendarFile.Parse(Own2019, "mine.json");

        Assert.Equal(CalendarFileFormat.Project, contents.Format);
        var schedule = Assert.Single(contents);
        Assert.Equal(2019, schedule.Year);
        Assert.Equal(3 + 1 + 7 + 2, schedule.Days.Count);
        Assert.Equal(new ScheduledDay(DayKind.Holiday, "国庆节"), schedule.Days[D("2019-10-07")]);
        Assert.Equal(new ScheduledDay(DayKind.WorkingWeekend, "国庆节"), schedule.Days[D("2019-10-12")]);
        Assert.Equal(new ScheduledDay(DayKind.Holiday, "元旦"), schedule.Days[D("2018-12-31")]);
        Assert.Equal("国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号) http://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm", schedule.Source);
        Assert.Empty(contents.UnpublishedYears);
    }

    [Fact]
    public void Parse_ReadsHolidayCnFormat_IncludingDecemberOfTheYearBefore()
    {
        var contents = CalendarFile.Parse(HolidayCn2019, "2019.json");

        Assert.Equal(CalendarFileFormat.HolidayCn, contents.Format);
        var schedule = Assert.Single(contents);
        Assert.Equal(2019, schedule.Year);
        Assert.Equal(5, schedule.Days.Count);
        Assert.Equal(DayKind.WorkingWeekend, schedule.Days[D("2018-12-29")].Kind);
        Assert.Equal(new ScheduledDay(DayKind.Holiday, "国庆节"), schedule.Days[D("2019-10-02")]);
        Assert.Equal("http://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm", schedule.Source);
    }

    [Fact]
    public void Parse_IgnoresHolidayCnWorkingEntryOnAWeekday()
    {
        // holiday-cn marks Monday 2020-02-03, the end of the extended Spring Festival, as a working day.
        const string json = """
            {"year": 2020, "papers": [], "days": [
              {"name": "春节", "date": "2020-02-02", "isOffDay": true},
              {"name": "春节", "date": "2020-02-03", "isOffDay": false}]}
            """;

        var schedule = Assert.Single(CalendarFile.Parse(json, "2020.json"));

        Assert.Equal([D("2020-02-02")], schedule.Days.Keys);
        Assert.True(new WorkingCalendar([schedule]).IsWorkingDay(D("2020-02-03")));
    }

    [Fact]
    public void Parse_ReturnsNoSchedule_WhenHolidayCnYearIsNotPublished()
    {
        const string json = """{"year": 2027, "papers": [], "days": []}""";

        var contents = CalendarFile.Parse(json, "2027.json");

        Assert.Empty(contents);
        Assert.Equal([2027], contents.UnpublishedYears);
        Assert.False(new WorkingCalendar(contents).HasSchedule(2027));
    }

    [Fact]
    public void Parse_ReturnsNoSchedule_WhenOwnFormatYearHasNoHolidays()
    {
        const string json = """{"years": [{"year": 2027, "notices": [], "holidays": []}]}""";

        var contents = CalendarFile.Parse(json, "mine.json");

        Assert.Empty(contents);
        Assert.Equal([2027], contents.UnpublishedYears);
    }

    [Fact]
    public void Parse_ReadsAStream_WithAByteOrderMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Own2019)).ToArray();

        var contents = CalendarFile.Parse(new MemoryStream(bytes), "bom.json");

        Assert.Equal([2019], contents.Years);
    }

    [Fact]
    public void Parse_ReadsSeveralYears_InYearOrder()
    {
        const string json = """
            {"years": [
              {"year": 2020, "notices": ["国务院办公厅关于2020年部分节假日安排的通知"], "holidays": [{"name": "元旦", "off": ["2020-01-01"]}]},
              {"year": 2019, "notices": [], "holidays": [{"name": "清明节", "off": ["2019-04-05"], "work": []}]}
            ]}
            """;

        var contents = CalendarFile.Parse(json, "mine.json");

        Assert.Equal([2019, 2020], contents.Years);
        Assert.Equal("国务院办公厅关于2020年部分节假日安排的通知", contents[1].Source);
    }
}
