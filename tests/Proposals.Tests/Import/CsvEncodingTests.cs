using System.Text;
using Proposals.Domain.Deadlines;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>
/// A file is read as GB18030 only when it is not UTF-8 and decodes cleanly as Chinese GB18030;
/// otherwise it is refused at its first bad row, never imported garbled.
/// </summary>
public sealed class CsvEncodingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("import-encoding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ImportFileException Refused(string path) =>
        Assert.Throws<ImportFileException>(() => ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default));

    [Fact]
    public void AUtf8FileWithOneNamePastedAsGbk_IsRefusedAtThatRowAndColumn_NotReadAsGb18030()
    {
        var e = Refused(Fixture("proposals-utf8-gbk-name.csv"));

        Assert.StartsWith("CSV 第 3 行第 E 列", e.Message);
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void AGb18030FileCutInsideItsLastCharacter_IsRefusedAtItsLastRow_NotEndedWithAQuestionMark()
    {
        var e = Refused(Fixture("proposals-gb18030-truncated.csv"));

        Assert.StartsWith("CSV 第 4 行第 I 列", e.Message);
        Assert.Contains("GB18030", e.Message);
    }

    [Fact]
    public void ALatin1FileIsNeitherUtf8NorChinese_AndIsRefused()
    {
        var path = Path.Combine(_dir, "latin1.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("kind,session,number,title,lead_division,assigned_on\r\nnpc,15-1,0001,Caf\u00e9 ledger,综合处,2019-03-20\r\n"));

        var e = Refused(path);

        Assert.StartsWith("CSV 第 2 行第 D 列", e.Message);
    }

    [Fact]
    public void AUtf8FileWithABomButBadBytes_IsRefusedAtTheBadRow()
    {
        var path = Path.Combine(_dir, "bom.csv");
        var good = Encoding.UTF8.GetBytes("类别,届次,编号,标题,主办处室,交办日期\r\n建议,十五届一次,0001,");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. good, 0xB9, 0xD8, .. ",综合处,2019-03-20\r\n"u8]);

        var e = Refused(path);

        Assert.StartsWith("CSV 第 2 行第 D 列", e.Message);
        Assert.Contains("BOM", e.Message);
    }

    [Theory]
    [InlineData("proposals-gb18030.csv")]
    [InlineData("proposals-utf8.csv")]
    public void CleanFiles_AreRead(string name)
    {
        Assert.Equal(3, ProposalFile.Read(Fixture(name), Divisions, TestCalendar, TimeLimits.Default).Rows.Count);
    }

    [Fact]
    public void Gb18030Scan_CountsCommonCharacters_AndFindsTheCut()
    {
        var path = Path.Combine(_dir, "scan.csv");
        File.WriteAllBytes(path, [.. CsvEncoding.Gb18030.GetBytes("综合处,金融服务处"), 0xB9]);

        var scan = Gb18030Scan.Of(path);

        Assert.Equal(8, scan.Common);
        Assert.Equal(0, scan.Other);
        Assert.Equal(17, scan.FirstInvalid);
        Assert.True(scan.LooksChinese);
    }
}
