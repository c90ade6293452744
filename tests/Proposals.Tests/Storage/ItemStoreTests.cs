using Microsoft.Data.Sqlite;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Storage;

public sealed class ItemStoreTests : IDisposable
{
    private readonly TempLedger _ledger = new();

    private ItemStore Store => new(_ledger.Database);

    [Fact]
    public async Task Upsert_AddsNewItems_AndReadsThemBackWithEveryFact()
    {
        var item = Make("0012", "2019-03-20", "2019-06-20", co: ["综合处", "金融服务处"], replied: "2019-06-01",
            extendedTo: "2019-08-20", key: true, satisfaction: Satisfaction.BasicallySatisfied, replyClass: ReplyClass.B);

        var outcome = await Store.UpsertAsync([item]);
        var back = await Store.FindAsync(item.Key);

        Assert.Equal(new UpsertOutcome(1, 0, 0), outcome);
        Assert.NotNull(back);
        Assert.Equal(item with { CoDivisions = back!.Item.CoDivisions }, back.Item);
        Assert.Equal(["综合处", "金融服务处"], back.Item.CoDivisions);
    }

    [Fact]
    public async Task Upsert_SameItemsAgain_ChangesNothing()
    {
        Item[] items = [Make("0012", "2019-03-20", "2019-06-20"), Make("12", "2019-03-20", "2019-06-20")];
        await Store.UpsertAsync(items);

        var again = await Store.UpsertAsync(items);

        Assert.Equal(new UpsertOutcome(0, 0, 2), again);
    }

    [Fact]
    public async Task Upsert_NumberIsText_0012And12AreTwoItems()
    {
        var outcome = await Store.UpsertAsync([Make("0012", "2019-03-20", "2019-06-20"), Make("12", "2019-03-20", "2019-06-20")]);

        Assert.Equal(2, outcome.Added);
        Assert.NotNull(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012")));
        Assert.NotNull(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "12")));
    }

    [Fact]
    public async Task Upsert_UpdatedFile_CountsAddedChangedAndLeftAlone()
    {
        await Store.UpsertAsync([Make("1", "2019-03-20", "2019-06-20"), Make("2", "2019-03-20", "2019-06-20")]);

        var outcome = await Store.UpsertAsync([
            Make("1", "2019-03-20", "2019-06-20"),
            Make("2", "2019-03-20", "2019-06-20", replied: "2019-05-30"),
            Make("3", "2019-04-01", "2019-07-01"),
        ]);

        Assert.Equal(new UpsertOutcome(1, 1, 1), outcome);
        Assert.Equal(D("2019-05-30"), (await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "2")))!.Item.RepliedOn);
    }

    [Fact]
    public async Task Upsert_FailingHalfWay_WritesNothing()
    {
        await Store.UpsertAsync([Make("1", "2019-03-20", "2019-06-20")]);
        // A trigger makes the database refuse the third row, as a full disk or a constraint would.
        await using (var connection = await _ledger.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TRIGGER refuse BEFORE INSERT ON items WHEN NEW.number = '3' BEGIN SELECT RAISE(ABORT, 'refused'); END";
            await command.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<SqliteException>(() => Store.UpsertAsync([
            Make("1", "2019-03-20", "2019-06-20", replied: "2019-05-01"), Make("2", "2019-03-20", "2019-06-20"), Make("3", "2019-03-20", "2019-06-20"),
        ]));

        Assert.Null((await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "1")))!.Item.RepliedOn);
        Assert.Null(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "2")));
    }

    [Theory]
    [InlineData(null, false, null, "A,B,C,D,E")]
    [InlineData(2019, false, null, "A,B,C,D")]
    [InlineData(null, true, null, "B")]
    [InlineData(null, false, 10, "B,C")]
    public async Task List_Filters(int? year, bool overdue, int? dueWithin, string expected)
    {
        await Store.UpsertAsync([
            Make("A", "2019-01-10", "2019-04-10", replied: "2019-04-01"),
            Make("B", "2019-03-01", "2019-06-03"),
            Make("C", "2019-03-12", "2019-06-12"),
            Make("D", "2019-04-01", "2019-07-01", returned: true),
            Make("E", "2020-01-06", "2020-04-07"),
        ]);

        var listed = new List<string>();
        await foreach (var s in Store.ListAsync(new ItemFilter(year, D("2019-06-05"), overdue, dueWithin))) listed.Add(s.Item.Key.Number);

        Assert.Equal(expected, string.Join(",", listed.Order()));
    }

    [Fact]
    public async Task SweepCandidates_AreOpenItemsDueByTheHorizon_IncludingCoInputDates_AndLaterReplies()
    {
        await Store.UpsertAsync([
            Make("open-near", "2019-07-01", "2019-10-08"),
            Make("open-far", "2019-09-01", "2019-12-02"),
            Make("co-near", "2019-09-01", "2019-12-02", co: ["综合处"], coDue: "2019-10-08"),
            Make("replied-later", "2019-07-01", "2019-10-08", replied: "2019-10-20"),
            Make("replied-before", "2019-07-01", "2019-10-08", replied: "2019-09-20"),
            Make("returned", "2019-07-01", "2019-10-08", returned: true),
        ]);

        var found = new List<string>();
        await foreach (var s in Store.SweepCandidatesAsync(D("2019-09-25"), D("2019-10-15"))) found.Add(s.Item.Key.Number);

        Assert.Equal(["co-near", "open-near", "replied-later"], found.Order().ToArray());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _ledger.Dispose();
    }
}
