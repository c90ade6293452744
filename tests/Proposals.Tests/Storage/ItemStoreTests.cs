using System.Data.Common;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Storage;

public abstract class ItemStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private ItemStore Store => new(Database);

    [SkippableFact]
    public async Task Upsert_AddsNewItems_AndReadsThemBackWithEveryFact()
    {
        var item = Make("0012", "2019-03-20", "2019-06-20", co: ["综合处", "金融服务处"], replied: "2019-06-01",
            extendedTo: "2019-08-20", key: true, satisfaction: Satisfaction.BasicallySatisfied, replyClass: ReplyClass.B);

        var outcome = await Store.UpsertAsync([item]);
        var back = await Store.FindAsync(item.Key);

        Assert.Equal(new UpsertOutcome(1, 0, 0), outcome);
        Assert.NotNull(back);
        Assert.Equal(item with { CoDivisions = back!.Item.CoDivisions, CoInputs = back.Item.CoInputs }, back.Item);
        Assert.Equal(["综合处", "金融服务处"], back.Item.CoDivisions);
        Assert.Equal(item, (await Store.FindByIdAsync(back.Id))!.Item with { CoDivisions = item.CoDivisions, CoInputs = item.CoInputs });
    }

    // An import reads a chunk, a division records its reply through its link, then the import writes the
    // chunk: on a server whose reads do not lock, the import must not write over the reply.
    [SkippableFact]
    public async Task ImportUpsert_OverAnItemChangedSinceItWasRead_WritesNothing_AndTheReplyStands()
    {
        var store = new ItemStore(Database);
        await store.UpsertAsync([Make("0012", "2019-03-20", "2019-06-20")]);
        await using var connection = await Database.OpenAsync();
        var read = await store.FindManyAsync(connection, null, [new ItemKey(ItemKind.Npc, "十五届一次", "0012")]);
        var stored = read.Values.Single();
        await Task.Delay(5);
        Assert.True(await new FactStore(Database, new ItemStore(Database)).RecordAsync(
            stored, stored.Item with { RepliedOn = D("2019-06-01"), ReplyClass = ReplyClass.A }, new LedgerFact(FactKind.Reply, D("2019-06-01"), Class: ReplyClass.A), "银行保险处", "link"));

        await using var transaction = await connection.BeginTransactionAsync();
        await Assert.ThrowsAsync<StorageException>(() => store.UpsertAsync(connection, transaction, [stored.Item with { Title = "改过的标题" }], read));
        await transaction.RollbackAsync();

        var now = (await store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012")))!.Item;
        Assert.Equal((D("2019-06-01"), stored.Item.Title), (now.RepliedOn, now.Title));
    }

    [SkippableFact]
    public async Task Upsert_SameItemsAgain_ChangesNothing()
    {
        Item[] items = [Make("0012", "2019-03-20", "2019-06-20"), Make("12", "2019-03-20", "2019-06-20")];
        await Store.UpsertAsync(items);

        var again = await Store.UpsertAsync(items);

        Assert.Equal(new UpsertOutcome(0, 0, 2), again);
    }

    [SkippableFact]
    public async Task Upsert_NumberIsText_0012And12AreTwoItems_AndCaseCounts()
    {
        var outcome = await Store.UpsertAsync([
            Make("0012", "2019-03-20", "2019-06-20"), Make("12", "2019-03-20", "2019-06-20"),
            Make("A1", "2019-03-20", "2019-06-20"), Make("a1", "2019-03-20", "2019-06-20"),
        ]);

        Assert.Equal(4, outcome.Added);
        Assert.NotNull(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012")));
        Assert.NotNull(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "12")));
        Assert.Equal("a1", (await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "a1")))!.Item.Key.Number);
    }

    [SkippableFact]
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

    [SkippableFact]
    public async Task Upsert_FailingHalfWay_WritesNothing()
    {
        await Store.UpsertAsync([Make("1", "2019-03-20", "2019-06-20")]);

        // The same new item twice breaks the identity constraint on the second insert, after the update and the first insert.
        await Assert.ThrowsAnyAsync<DbException>(() => Store.UpsertAsync([
            Make("1", "2019-03-20", "2019-06-20", replied: "2019-05-01"), Make("2", "2019-03-20", "2019-06-20"), Make("2", "2019-03-20", "2019-06-20"),
        ]));

        Assert.Null((await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "1")))!.Item.RepliedOn);
        Assert.Null(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "2")));
    }

    [SkippableFact]
    public async Task Upsert_TwoImportsAtOnce_BothLand()
    {
        var first = Enumerable.Range(1, 50).Select(n => Make($"A{n}", "2019-03-20", "2019-06-20")).ToList();
        var second = Enumerable.Range(1, 50).Select(n => Make($"B{n}", "2019-03-20", "2019-06-20")).ToList();

        var outcomes = await Task.WhenAll(Task.Run(() => Store.UpsertAsync(first)), Task.Run(() => Store.UpsertAsync(second)));

        Assert.All(outcomes, o => Assert.Equal(new UpsertOutcome(50, 0, 0), o));
        var all = new List<StoredItem>();
        await foreach (var s in Store.AssignedInYearAsync(2019)) all.Add(s);
        Assert.Equal(100, all.Count);
    }

    [SkippableFact]
    public async Task Upsert_ManyItems_LooksThemUpInChunks()
    {
        var items = Enumerable.Range(1, 1200).Select(n => Make(n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), "2019-03-20", "2019-06-20")).ToList();
        await Store.UpsertAsync(items);

        var again = await Store.UpsertAsync(items);

        Assert.Equal(new UpsertOutcome(0, 0, 1200), again);
    }

    [SkippableFact]
    public async Task ImportChunks_InOneTransaction_SeeTheirOwnWrites_AndARollbackLeavesNothing()
    {
        await Store.UpsertAsync([Make("1", "2019-03-20", "2019-06-20")]);
        await using var connection = await Database.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var first = await Store.UpsertAsync(connection, transaction, [Make("2", "2019-03-20", "2019-06-20"), Make("3", "2019-03-20", "2019-06-20")]);
            Item[] second = [Make("1", "2019-03-20", "2019-06-20", replied: "2019-05-01"), Make("2", "2019-03-20", "2019-06-20"), Make("4", "2019-03-20", "2019-06-20")];
            var stored = await Store.FindManyAsync(connection, transaction, second.Select(i => i.Key));
            var outcome = await Store.UpsertAsync(connection, transaction, second, stored);

            Assert.Equal(new UpsertOutcome(2, 0, 0), first);
            Assert.Equal(["1", "2"], stored.Keys.Select(k => k.Number).Order(StringComparer.Ordinal));
            Assert.Equal(new UpsertOutcome(1, 1, 1), outcome);
            await transaction.RollbackAsync();
        }

        Assert.Null((await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "1")))!.Item.RepliedOn);
        Assert.Null(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "2")));
        Assert.Null(await Store.FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "4")));
    }

    [SkippableFact]
    public async Task ImportChunks_WriteEveryFactOfTheYear_AndReadThemBack()
    {
        var item = Make("0012", "2019-03-20", "2019-06-20", co: ["综合处"], replied: "2019-05-10", satisfaction: Satisfaction.Dissatisfied) with
        {
            BureauRole = BureauRole.Lead,
            CoInputs = [new CoInput("综合处", D("2019-04-10"))],
            EvaluatedOn = D("2019-05-20"),
            RehandleDueOn = D("2019-06-20"),
            RerepliedOn = D("2019-06-10"),
            SecondSatisfaction = Satisfaction.Satisfied,
            PublishedOn = D("2019-06-15"),
            AcknowledgeDueOn = D("2019-03-22"),
            ReturnBy = D("2019-03-29"),
        };
        await using var connection = await Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await Store.UpsertAsync(connection, transaction, [item], new Dictionary<ItemKey, StoredItem>());
        var back = await Store.FindManyAsync(connection, transaction, [item.Key]);
        var again = await Store.UpsertAsync(connection, transaction, [item], back);
        await transaction.CommitAsync();

        Assert.Equal(item with { CoDivisions = back[item.Key].Item.CoDivisions, CoInputs = back[item.Key].Item.CoInputs }, back[item.Key].Item);
        Assert.Equal(item.CoInputs, back[item.Key].Item.CoInputs);
        Assert.Equal(new UpsertOutcome(0, 0, 1), again);
    }

    [SkippableFact]
    public async Task StoredNumbers_SayWhichLeadingZerosAKindAndSessionHas()
    {
        await Store.UpsertAsync([
            Make("0012", "2019-03-20", "2019-06-20"), Make("012", "2019-03-20", "2019-06-20"), Make("0045", "2019-03-20", "2019-06-20"),
            Make("7", "2019-03-20", "2019-06-20", session: "十五届二次"),
        ]);
        await using var connection = await Database.OpenAsync();

        var first = await Store.StoredNumbersAsync(connection, null, ItemKind.Npc, "十五届一次");
        var second = await Store.StoredNumbersAsync(connection, null, ItemKind.Npc, "十五届二次");
        var none = await Store.StoredNumbersAsync(connection, null, ItemKind.Cppcc, "十五届一次");

        Assert.False(first.AnyWithoutLeadingZero);
        Assert.Equal([3, 4], first.LeadingZeroLengths);
        Assert.Equal((true, 0), (second.AnyWithoutLeadingZero, second.LeadingZeroLengths.Count));
        Assert.True(none.None);
    }

    [SkippableTheory]
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

        Assert.Equal(expected, string.Join(",", listed.Order(StringComparer.Ordinal)));
    }

    [SkippableFact]
    public async Task List_IsInDueDateOrder_ThenKindSessionNumber()
    {
        await Store.UpsertAsync([
            Make("2", "2019-03-01", "2019-06-03"),
            Make("10", "2019-03-01", "2019-06-03"),
            Make("1", "2019-03-01", "2019-06-03", kind: ItemKind.Cppcc),
            Make("0", "2019-02-01", "2019-05-06"),
        ]);

        var listed = new List<string>();
        await foreach (var s in Store.ListAsync(new ItemFilter(null, D("2019-06-05")))) listed.Add($"{s.Item.Key.Kind.Code()}{s.Item.Key.Number}");

        Assert.Equal(["npc0", "cppcc1", "npc10", "npc2"], listed);
    }

    [SkippableFact]
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

        Assert.Equal(["co-near", "open-near", "replied-later"], found.Order(StringComparer.Ordinal).ToArray());
    }
}
