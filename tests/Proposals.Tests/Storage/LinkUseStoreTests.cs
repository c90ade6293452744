using Proposals.Domain.Ledger;
using Proposals.Storage;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Storage;

/// <summary>
/// A division's link records once, decided by the database: its use is written in the fact's own
/// transaction, so that of the writers using one link at the same moment one writes and the others
/// write nothing, and a fact that is not written leaves its link unused.
/// </summary>
public abstract class LinkUseStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly ItemKey Key = new(ItemKind.Npc, "十五届一次", "0012");
    private static readonly LedgerFact CoAck = new(FactKind.Acknowledgement, D("2026-12-02"), "金融服务处");
    private static readonly LedgerFact Reply = new(FactKind.Reply, D("2026-12-01"), "银行保险处", ReplyClass.A);

    private async Task<StoredItem> ItemAsync()
    {
        var items = new ItemStore(Database);
        if (await items.FindAsync(Key) is { } stored) return stored;
        await items.UpsertAsync([Make("0012", "2026-09-02", "2026-12-02", lead: "银行保险处", co: ["金融服务处"])]);
        return (await items.FindAsync(Key))!;
    }

    private FactStore Facts() => new(Database, new ItemStore(Database));

    [SkippableFact]
    public async Task ALinkRecordsOnce_ItsSecondUseWritesNothing()
    {
        var item = await ItemAsync();
        var link = new LinkUse("3f9a0c1d2e4b5a6978", item.Id, "ack");

        var first = await Facts().RecordAsync(item, null, CoAck, "金融服务处 (邮件链接)", "link", link);
        await Assert.ThrowsAsync<LinkUsedException>(() => Facts().RecordAsync(item, null, CoAck, "金融服务处 (邮件链接)", "link", link));

        Assert.True(first);
        Assert.Single(await Facts().ForItemAsync(item.Id));
        Assert.NotNull(await new LinkUseStore(Database).UsedAtAsync(link.LinkId));
    }

    [SkippableFact]
    public async Task ManyWritersOfOneLinkAtOnce_WriteOneFact()
    {
        var item = await ItemAsync();
        var link = new LinkUse("7c1e5b2a9d3f0e4c81", item.Id, "ack");
        using var start = new SemaphoreSlim(0);

        var writers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            try
            {
                return await Facts().RecordAsync(item, null, CoAck, "金融服务处 (邮件链接)", "link", link) ? "written" : "item changed";
            }
            catch (LinkUsedException)
            {
                return "link used";
            }
        })).ToList();
        start.Release(20);
        var outcomes = await Task.WhenAll(writers);

        Assert.Equal(1, outcomes.Count(o => o == "written"));
        Assert.Equal(19, outcomes.Count(o => o == "link used"));
        Assert.Single(await Facts().ForItemAsync(item.Id));
    }

    [SkippableFact]
    public async Task AFactNotWrittenBecauseTheItemChanged_LeavesItsLinkUnused_ForTheRetry()
    {
        var item = await ItemAsync();
        var link = new LinkUse("0d4e8a7f6b5c3e2a19", item.Id, "reply");
        var stale = item with { UpdatedAt = item.UpdatedAt.AddSeconds(-1) };
        var replied = item.Item with { RepliedOn = Reply.On, ReplyClass = Reply.Class };

        var raced = await Facts().RecordAsync(stale, replied, Reply, "银行保险处 (邮件链接)", "link", link);
        var unusedAfterRace = await new LinkUseStore(Database).UsedAtAsync(link.LinkId);
        var retried = await Facts().RecordAsync(item, replied, Reply, "银行保险处 (邮件链接)", "link", link);

        Assert.False(raced);
        Assert.Null(unusedAfterRace);
        Assert.True(retried);
        Assert.Equal([FactKind.Reply], (await Facts().ForItemAsync(item.Id)).Select(f => f.Fact.Kind));
        Assert.NotNull(await new LinkUseStore(Database).UsedAtAsync(link.LinkId));
    }
}
