using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

public abstract class DivisionStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private DivisionStore Store => new(Database);

    [SkippableFact]
    public async Task Upsert_AddsChangesAndLeavesAlone_AndAllReadsThemBackByName()
    {
        await Store.UpsertAsync(Divisions);

        var outcome = await Store.UpsertAsync([
            Divisions[0],
            Divisions[1] with { HeadEmail = null },
            new Division("预算处", "yusuan@finance.example.org", "yusuan.head@finance.example.org"),
        ]);
        var all = await Store.AllAsync();

        Assert.Equal(new UpsertOutcome(1, 1, 1), outcome);
        Assert.Equal(new[] { "综合处", "银行保险处", "金融服务处", "预算处" }.Order(StringComparer.Ordinal), all.Keys.Order(StringComparer.Ordinal));
        Assert.Null(all["银行保险处"].HeadEmail);
        Assert.Equal(Divisions[2], all["金融服务处"]);
    }
}
