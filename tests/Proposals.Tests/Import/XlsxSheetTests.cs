using Proposals.Worker.Import;

namespace Proposals.Tests.Import;

public sealed class XlsxSheetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("import-sheet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<SheetRow> Rows(string path, ImportOptions? options = null)
    {
        using var sheet = XlsxSheet.Open(path, options ?? new ImportOptions());
        return sheet.Rows(CancellationToken.None).ToList();
    }

    [Fact]
    public void Read_KeepsCellTypes_AndTheSheetsRowNumbers()
    {
        var path = Path.Combine(_dir, "sheet.xlsx");
        XlsxBuilder.Write(path, new Dictionary<uint, object?[]>
        {
            [2] = ["0012", 12.0, new DateTime(2019, 7, 1), 43544.0],
            [4] = [null, null, "末行"],
        });

        var rows = Rows(path);

        // An xlsx leaves empty rows out: the numbers jump as the sheet's do.
        Assert.Equal([2, 4], rows.Select(r => r.Number));
        Assert.Equal("0012", rows[0][0]);
        Assert.Equal("12", CellText.Of(rows[0][1]));
        Assert.Equal(new DateTime(2019, 7, 1), rows[0][2]);
        Assert.Equal("43544", CellText.Of(rows[0][3]));
        Assert.Equal("末行", rows[1][2]);
    }
}
