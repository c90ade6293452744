using System.Text;
using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>The note about years without a holiday schedule is CalendarWarnings' own wording, one per kind of year.</summary>
public sealed class CalendarNoteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("import-calendar-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IReadOnlyList<string> NotesFor(string assigned, string due)
    {
        var path = Path.Combine(_dir, "ledger.csv");
        File.WriteAllText(path, $"类别,届次,编号,标题,主办处室,交办日期,办理期限\n建议,十五届一次,0001,标题,综合处,{assigned},{due}\n", Encoding.UTF8);
        var result = ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Notes;
    }

    [Fact]
    public void Read_Warns_WhenAComputedDueDateRunsIntoAYearWithoutSchedule()
    {
        Assert.Equal([CalendarWarnings.Text(YearKnowledge.WeekendsOnly, [2020])!], NotesFor("2019-11-20", ""));
    }

    [Fact]
    public void Read_Warns_WhenATypedDueDateFallsInAYearWithoutSchedule_ForItIsMovedOffDaysOffToo()
    {
        Assert.Equal([CalendarWarnings.Text(YearKnowledge.WeekendsOnly, [2020])!], NotesFor("2019-10-20", "2020-01-20"));
    }

    [Fact]
    public void Read_SaysAYearFrom2025IsEstimatedFromTheRegulation_NotWeekendsOnly()
    {
        var note = Assert.Single(NotesFor("2026-11-20", ""));

        Assert.Equal(CalendarWarnings.Text(YearKnowledge.Estimated, [2026, 2027]), note);
        Assert.Contains("按放假办法推算", note);
    }

    [Fact]
    public void Read_DoesNotWarn_WhenEveryDateIsInAScheduledYear()
    {
        Assert.Empty(NotesFor("2019-03-20", ""));
    }
}
