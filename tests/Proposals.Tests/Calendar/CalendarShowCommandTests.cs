namespace Proposals.Tests.Calendar;

/// <summary><c>proposals calendar show</c> for a published year and for a year estimated from the regulation.</summary>
public sealed class CalendarShowCommandTests
{
    private readonly Infrastructure.Cli _cli = new(
        new Dictionary<string, string?> { ["ConnectionStrings:Proposals"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "proposals-calendar-show-none", "absent.db") },
        Infrastructure.Cli.At("2026-12-02"));

    [Fact]
    public async Task Show_ListsTheEstimatedDays_MarkedAsEstimated_AndWarns()
    {
        var result = await _cli.RunAsync("calendar", "show", "--year", "2027");

        Assert.Equal(0, result.ExitCode);
        var rows = Rows(result.Out);
        Assert.Equal(19, rows.Count);
        Assert.Equal(["2027-01-01", "五", "放假", "(按放假办法推算)", "元旦"], rows[0]);
        Assert.Equal(["2027-02-09", "二", "放假", "(按放假办法推算)", "春节", "(补假)"], rows[5]);
        Assert.Equal(["2027-10-05", "二", "放假", "(按放假办法推算)", "国庆节", "(补假)"], rows[^1]);
        Assert.Contains("2027年的节假日安排尚未载入, 按放假办法推算", result.Error);
    }

    [Fact]
    public async Task Show_ListsAPublishedYear_WithoutMarkOrWarning()
    {
        var result = await _cli.RunAsync("calendar", "show", "--year", "2026");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("推算", result.Out);
        Assert.Contains(["2026-02-14", "六", "上班", "春节"], Rows(result.Out));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Show_WithoutYear_SaysWhichYearsAreEstimated()
    {
        var result = await _cli.RunAsync("calendar", "show");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("已载入年份 (years with a schedule): 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026", result.Out);
        Assert.Contains("未载入的年份自 2025 年起按放假办法推算法定节假日", result.Out);
        Assert.Contains("no holiday schedule loaded for 2027: holidays estimated from the regulation", result.Error);
    }

    // The table's rows after its heading and rule, split on runs of spaces.
    private static List<string[]> Rows(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SkipWhile(line => !line.StartsWith("---", StringComparison.Ordinal)).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
}
