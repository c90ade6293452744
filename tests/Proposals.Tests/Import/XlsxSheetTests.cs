using Proposals.Worker.Import;

namespace Proposals.Tests.Import;

public sealed class XlsxSheetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("import-sheet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_KeepsCellTypes_AndTheSheetsRowNumbers()
    {
        var path = Path.Combine(_dir, "sheet.xlsx");
        XlsxBuilder.Write(path, new Dictionary<uint, object?[]>
        {
            [2] = ["0012", 12.0, new DateTime(2019, 7, 1), 43544.0],
            [4] = [null, null, "末行"],
        });

        var rows = XlsxSheet.Read(path);

        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Number));
        Assert.True(rows[0].IsEmpty);
        Assert.True(rows[2].IsEmpty);
        Assert.Equal("0012", rows[1][0]);
        Assert.Equal("12", CellText.Of(rows[1][1]));
        Assert.Equal(new DateTime(2019, 7, 1), rows[1][2]);
        Assert.Equal("43544", CellText.Of(rows[1][3]));
        Assert.Equal("末行", rows[3][2]);
    }
}
