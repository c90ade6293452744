using Proposals.Worker.Reporting;

namespace Proposals.Tests.Reporting;

/// <summary>Output files are written aside and moved into place: a write that fails leaves the previous file.</summary>
public sealed class AtomicFileFacts : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("proposals-atomic-").FullName;

    private string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void Write_ReplacesTheFile_AndLeavesNothingElse()
    {
        File.WriteAllText(PathOf("2018.csv"), "旧");
        AtomicFile.Write(PathOf("2018.csv"), "新"u8.ToArray());
        Assert.Equal("新", File.ReadAllText(PathOf("2018.csv")));
        Assert.Equal(["2018.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void FailedWrite_LeavesThePreviousFileIntact_AndNoTemporaryFile()
    {
        File.WriteAllText(PathOf("2018.xlsx"), "去年的报告");
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(PathOf("2018.xlsx"), stream =>
        {
            stream.Write("半个文件"u8);
            throw new IOException("磁盘已满 (disk full)");
        }));
        Assert.Equal("磁盘已满 (disk full)", e.Message);
        Assert.Equal("去年的报告", File.ReadAllText(PathOf("2018.xlsx")));
        Assert.Equal(["2018.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task FailedAsyncWrite_LeavesNoFile_WhereThereWasNone()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(PathOf("list.json"), async stream =>
        {
            await stream.WriteAsync("[{"u8.ToArray());
            throw new InvalidOperationException("the ledger could not be read");
        }));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Write_CreatesTheFolder()
    {
        AtomicFile.Write(PathOf(Path.Combine("reports", "2018", "report.txt")), "段落"u8.ToArray());
        Assert.Equal("段落", File.ReadAllText(PathOf(Path.Combine("reports", "2018", "report.txt"))));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
