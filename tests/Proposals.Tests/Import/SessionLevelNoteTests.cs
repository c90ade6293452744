using System.Text;
using Proposals.Domain.Deadlines;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>
/// A 届次 that begins with a place the report cannot read as a level is imported, with a note naming its row;
/// one without a level word, or with one, is imported silently.
/// </summary>
public sealed class SessionLevelNoteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("import-session-level-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IReadOnlyList<string> NotesFor(params string[] sessions)
    {
        var path = Path.Combine(_dir, "ledger.csv");
        var rows = sessions.Select((s, i) => $"建议,{s},{i + 1:D4},标题,综合处,2019-03-20,");
        File.WriteAllText(path, "类别,届次,编号,标题,主办处室,交办日期,办理期限\n" + string.Join("\n", rows) + "\n", Encoding.UTF8);
        var result = ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Notes;
    }

    [Theory]
    [InlineData("十五届一次")]          // the seeds: no level word, Reports:Level
    [InlineData("区十九届一次")]
    [InlineData("文登区十九届人大一次会议")]
    [InlineData("自治州十四届一次")]
    [InlineData("闭会期间")]
    [InlineData("2019年第一批")]        // not a 届次: used as written
    public void ALevelOrNoPlace_IsImportedSilently(string session) => Assert.Empty(NotesFor(session));

    [Fact]
    public void APlaceThatNamesNoLevel_IsNoted_WithItsRow_AndImported()
    {
        var note = Assert.Single(NotesFor("十五届一次", "黑龙江十三届一次"));
        Assert.Equal(
            "第 3 行 [届次] 开头的 \"黑龙江\" 不是级别（市、区、县、省、州、盟、旗、自治区、自治州、自治县），报告按本单位级别 Reports:Level 统计 " +
            "(row 3: the session begins with \"黑龙江\", which is no level word; the report counts it at Reports:Level)",
            note);
    }
}
