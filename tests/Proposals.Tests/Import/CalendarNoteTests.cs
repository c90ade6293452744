using System.Text;
using Proposals.Domain.Deadlines;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

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
        Assert.Equal(["未载入 2020 年的节假日安排，这些年份的期限只排除了周末"], NotesFor("2019-11-20", ""));
    }

    [Fact]
    public void Read_DoesNotWarn_WhenTheLateDueDateIsGivenAndOnlyTheCoInputDateIsCounted()
    {
        Assert.Empty(NotesFor("2019-10-20", "2020-01-20"));
    }
}
