using Proposals.Domain.Calendar;

namespace Proposals.Tests.Calendar;

/// <summary>A broken calendar file is refused with a message naming the file, the place and the reason.</summary>
public sealed class CalendarFileErrorFacts
{
    /// <summary>A 2019 file in the project's format whose National Day entry is <paramref name="holiday"/>.</summary>
    private static string OwnWith(string holiday) => $$"""
        {"years": [{"year": 2019, "notices": [], "holidays": [
          {"name": "元旦", "off": ["2019-01-01"], "work": []},
          {{holiday}}
        ]}]}
        """;

    [Theory]
    [InlineData("""{"name": "国庆节", "off": ["2019-02-30"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "bad date \"2019-02-30\"")]
    [InlineData("""{"name": "国庆节", "off": ["2019/10/01"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "bad date \"2019/10/01\"")]
    [InlineData("""{"name": "国庆节", "off": ["2019-10-01"], "work": ["2019-10-08"]}""",
        "$.years[0].holidays[1].work[0] (2019 国庆节)", "2019-10-08 is a Tuesday, a working day anyway")]
    [InlineData("""{"name": "国庆节", "off": ["2091-10-01"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "2091-10-01 is outside the 2019 schedule, which may list dates from 2018-12-01 to 2019-12-31")]
    [InlineData("""{"name": "国庆节", "off": ["2018-10-01"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "2018-10-01 is outside the 2019 schedule")]
    [InlineData("""{"name": "国庆节", "off": ["2019-10-07..2019-10-01"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "it ends before it starts")]
    [InlineData("""{"name": "国庆节", "off": ["2019-10-01..2019-12-07"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "longer than 31 days")]
    [InlineData("""{"name": "国庆节", "off": ["2019-10-01..2019-10-03..2019-10-07"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "expected FROM..TO")]
    [InlineData("""{"name": "国庆节", "off": ["2018-12-31..2019-01-02"]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "2019-01-01 is listed twice in 2019: already as a day off of 元旦")]
    [InlineData("""{"name": "国庆节", "off": ["2019-10-01"], "wrok": ["2019-10-12"]}""",
        "$.years[0].holidays[1].wrok", "unknown field \"wrok\"")]
    [InlineData("""{"off": ["2019-10-01"]}""",
        "$.years[0].holidays[1]", "\"name\" is missing")]
    [InlineData("""{"name": "国庆节", "off": "2019-10-01"}""",
        "$.years[0].holidays[1].off", "expected a list, found a string")]
    [InlineData("""{"name": "国庆节", "off": [20191001]}""",
        "$.years[0].holidays[1].off[0] (2019 国庆节)", "expected a date YYYY-MM-DD")]
    public void Parse_Throws_WhenOwnFormatHolidayIsWrong(string holiday, string location, string reason)
    {
        var error = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse(OwnWith(holiday), "mine.json"));

        Assert.Equal("mine.json", error.SourceName);
        Assert.Equal(location, error.Location);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith($"mine.json: {location}: ", error.Message);
    }

    [Theory]
    [InlineData("""{"years": [{"year": "2019"}]}""", "$.years[0].year", "expected a number, found a string")]
    [InlineData("""{"years": [{"year": 20199}]}""", "$.years[0].year", "20199 is not a year")]
    [InlineData("""{"years": [{"year": 2019}, {"year": 2019}]}""", "$.years[1].year", "2019 is listed twice (also at $.years[0])")]
    [InlineData("""{"format": "something-else", "years": []}""", "$.format", "unknown format \"something-else\"")]
    [InlineData("""{"version": 2, "years": []}""", "$.version", "version 2 is not supported")]
    [InlineData("""{"years": [{"year": 2019, "notices": [{}]}]}""", "$.years[0].notices[0]", "a notice needs a title or a url")]
    [InlineData("""{"holidays": []}""", "$", "unknown calendar format")]
    [InlineData("""[{"year": 2019}]""", "$", "unknown calendar format")]
    [InlineData("""{"year": 2019, "days": [{"name": "国庆节", "date": "2019-13-01", "isOffDay": true}]}""", "$.days[0].date", "bad date \"2019-13-01\"")]
    [InlineData("""{"year": 2019, "days": [{"name": "国庆节", "date": "2020-10-01", "isOffDay": true}]}""", "$.days[0] (2019 国庆节)", "2020-10-01 is outside the 2019 schedule")]
    [InlineData("""{"year": 2019, "days": [{"name": "国庆节", "date": "2019-10-01"}]}""", "$.days[0]", "\"isOffDay\" is missing")]
    [InlineData("""{"year": 2019, "days": [{"name": "国庆节", "date": "2019-10-01", "isOffDay": "yes"}]}""", "$.days[0].isOffDay", "expected true or false, found a string")]
    [InlineData("""{"year": 2019}""", "$", "\"days\" is missing")]
    [InlineData("""{"year": 2019, "days": [{"name": "国庆节", "date": "2019-10-01", "isOffDay": true}, {"name": "国庆节", "date": "2019-10-01", "isOffDay": true}]}""", "$.days[1] (2019 国庆节)", "listed twice")]
    public void Parse_Throws_WithPlaceAndReason(string json, string location, string reason)
    {
        var error = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse(json, "bad.json"));

        Assert.Equal(location, error.Location);
        Assert.Contains(reason, error.Reason);
        Assert.Contains("bad.json", error.Message);
    }

    [Fact]
    public void Parse_Throws_WithLineAndColumn_WhenJsonIsBroken()
    {
        const string json = "{\n  \"years\": [\n    {\"year\": 2019,, }\n  ]\n}";

        var error = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse(json, "broken.json"));

        Assert.Equal("line 3, column 19", error.Location);
        Assert.StartsWith("not valid JSON: ", error.Reason);
        Assert.DoesNotContain("LineNumber", error.Reason);
    }
}
