using Proposals.Domain.Deadlines;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>
/// The import writes while it reads, chunk by chunk, into one transaction of a real SQLite ledger:
/// a bad row near the end, an error or a cancellation part-way leaves nothing written.
/// </summary>
public sealed class StreamingImportTests : IAsyncLifetime
{
    private readonly TempLedger _ledger = new();

    public async Task InitializeAsync() => await _ledger.WithDivisionsAsync();

    public Task DisposeAsync()
    {
        _ledger.Dispose();
        return Task.CompletedTask;
    }

    private async Task<ProposalImportResult> ImportAsync(string path, ImportOptions? options = null, Action<long>? written = null, CancellationToken cancel = default)
    {
        var store = new ItemStore(_ledger.Database);
        await using var connection = await _ledger.Database.OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        var import = new ProposalImport(new ProposalImportSettings(path, Divisions, TestCalendar, TimeLimits.Default, options ?? new ImportOptions()))
        {
            Written = written,
        };
        var ledger = new TransactionLedger(store, new FactStore(_ledger.Database, store), connection, transaction, "tests", TimeProvider.System);
        var result = await import.RunAsync(ledger, cancel);
        if (result.Ok) await transaction.CommitAsync(cancel);
        return result;
    }

    private async Task<int> StoredAsync()
    {
        var count = 0;
        await foreach (var _ in new ItemStore(_ledger.Database).AssignedInYearAsync(2019)) count++;
        return count;
    }

    [Fact]
    public async Task ManyRows_AreWrittenAsTheyAreRead_AndTheSameFileAgainChangesNothing()
    {
        var path = LedgerCsv.Many(_ledger.Folder, "many.csv", 5_500);
        var written = new List<long>();

        var first = await ImportAsync(path, written: written.Add);
        var again = await ImportAsync(path);

        Assert.Equal(new UpsertOutcome(5_500, 0, 0), first.Outcome);
        Assert.Equal([1_000, 2_000, 3_000, 4_000, 5_000, 5_500], written);
        Assert.Equal(new UpsertOutcome(0, 0, 5_500), again.Outcome);
        Assert.Equal(5_500, await StoredAsync());
    }

    [Fact]
    public async Task ABadRowNearTheEnd_LeavesNothingWritten_ThoughEarlierChunksWere()
    {
        var path = LedgerCsv.Many(_ledger.Folder, "late.csv", 5_500, n => n == 5_400 ? "建议,十五届一次,005400,标题,综合处,2019-02-30" : null);
        var written = new List<long>();

        var result = await ImportAsync(path, written: written.Add);

        Assert.False(result.Ok);
        Assert.Equal([1_000, 2_000, 3_000, 4_000, 5_000], written);
        Assert.Equal([new ImportProblem(5_401, "交办日期", "日期无效: \"2019-02-30\" (not a date: \"2019-02-30\")")], result.Report.Problems);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task CancellingPartWay_LeavesNothingWritten()
    {
        var path = LedgerCsv.Many(_ledger.Folder, "cancel.csv", 5_000);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportAsync(path, written: rows =>
        {
            if (rows >= 2_000) cancel.Cancel();
        }, cancel: cancel.Token));

        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task AThousandBadRows_AreCountedButOnlyTheFirstListed()
    {
        var path = LedgerCsv.Many(_ledger.Folder, "bad.csv", 3_000, n => n % 3 == 0 ? $"建议,十五届一次,{n:D6},标题,外事处,2019-03-20" : null);

        var result = await ImportAsync(path, new ImportOptions { MaxProblemsReported = 10 });

        Assert.Equal(10, result.Report.Problems.Count);
        Assert.Equal(1_000, result.Report.ProblemCount);
        Assert.Equal(1_000, result.Report.ProblemRows);
        Assert.Equal(4, result.Report.Problems[0].Row);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task ANumberTwiceFarApart_IsFoundWithoutKeepingTheRows()
    {
        var path = LedgerCsv.Many(_ledger.Folder, "twice.csv", 4_000, n => n == 3_999 ? LedgerCsv.Row(7) : null);

        var result = await ImportAsync(path);

        Assert.Equal([new ImportProblem(4_000, "编号", "编号重复: \"000007\"（与第 8 行的 建议 十五届一次 000007 相同） (duplicate number: \"000007\", as in row 8)")], result.Report.Problems);
    }
}
