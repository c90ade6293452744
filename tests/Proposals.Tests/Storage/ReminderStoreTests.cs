using Proposals.Storage;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Storage;

public abstract class ReminderStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly TimeSpan Lapse = TimeSpan.FromMinutes(15);
    private readonly ManualClock _clock = new(new DateTimeOffset(2019, 6, 5, 9, 0, 0, TimeSpan.FromHours(8)));

    private ReminderStore Store => new(Database, _clock);

    [SkippableFact]
    public async Task Record_SameDecisionTwice_IsRecordedOnce()
    {
        var decided = new[] { await Owed("before-7", "2019-06-20", "2019-06-11") };

        var first = await Store.RecordAsync(decided);
        var second = await Store.RecordAsync(decided);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(1, (await Store.CountByStateAsync())[ReminderState.Owed]);
    }

    [SkippableFact]
    public async Task Record_TwoSweepsAtOnce_RecordEachReminderOnce()
    {
        var itemId = await ItemAsync("1");
        var decided = Enumerable.Range(0, 20)
            .Select(n => new DecidedReminder(itemId, "银行保险处", "lead", $"overdue-{n}", D("2019-06-20"), D("2019-06-21").AddDays(n), ReminderState.Superseded))
            .ToList();

        var written = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store.RecordAsync(decided))));

        Assert.Equal(20, written.Sum());
        Assert.Equal(20, (await Store.CountByStateAsync())[ReminderState.Superseded]);
    }

    [SkippableFact]
    public async Task Record_NewerStage_SupersedesTheOlderOneStillOwed()
    {
        var older = await Owed("before-7", "2019-06-20", "2019-06-11");
        await Store.RecordAsync([older]);
        var olderId = (await Store.PendingAsync(Lapse)).Single();

        await Store.RecordAsync([older with { Stage = "before-3", PlannedOn = D("2019-06-17") }]);

        Assert.Equal(ReminderState.Superseded, (await Store.FindAsync(olderId))!.State);
        var pending = await Store.PendingAsync(Lapse);
        Assert.Equal("before-3", (await Store.FindAsync(Assert.Single(pending)))!.Stage);
    }

    [SkippableFact]
    public async Task Claim_ByManyCallersAtOnce_OneWins()
    {
        var id = await RecordedAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() => Store.ClaimAsync(id, $"worker-{n}", Lapse))));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.False(winner.Reclaimed);
        Assert.Equal(ReminderState.Sending, winner.Record.State);
        Assert.Equal(1, winner.Record.Attempts);
        Assert.Equal(winner.Record.ClaimedBy, (await Store.FindAsync(id))!.ClaimedBy);
    }

    [SkippableFact]
    public async Task Claim_Lapsed_IsPendingAgain_AndReclaimedByAnother()
    {
        var id = await RecordedAsync();
        Assert.NotNull(await Store.ClaimAsync(id, "worker-a", Lapse));

        _clock.Advance(TimeSpan.FromMinutes(10));
        var early = await Store.ClaimAsync(id, "worker-b", Lapse);
        var pendingEarly = await Store.PendingAsync(Lapse);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var pendingLate = await Store.PendingAsync(Lapse);
        var late = await Store.ClaimAsync(id, "worker-b", Lapse);

        Assert.Null(early);
        Assert.Empty(pendingEarly);
        Assert.Equal([id], pendingLate);
        Assert.NotNull(late);
        Assert.True(late!.Reclaimed);
        Assert.Equal(("worker-b", 2L), (late.Record.ClaimedBy, late.Record.Attempts));
        Assert.False(await Store.MarkSentAsync(id, "worker-a", "<late-a@example.org>", "a@example.org"));
    }

    [SkippableFact]
    public async Task MarkSent_OnlyByTheClaimer_AndOnlyOnce()
    {
        var id = await RecordedAsync();
        await Store.ClaimAsync(id, "worker-a", Lapse);

        var byOther = await Store.MarkSentAsync(id, "worker-b", "<b@example.org>", "yinbao@finance.example.org");
        var byClaimer = await Store.MarkSentAsync(id, "worker-a", "<a@example.org>", "yinbao@finance.example.org");
        var again = await Store.MarkSentAsync(id, "worker-a", "<a2@example.org>", "yinbao@finance.example.org");
        var claimAfter = await Store.ClaimAsync(id, "worker-b", Lapse);

        Assert.Equal((false, true, false), (byOther, byClaimer, again));
        Assert.Null(claimAfter);
        var row = (await Store.FindAsync(id))!;
        Assert.Equal((ReminderState.Sent, "<a@example.org>", "yinbao@finance.example.org"), (row.State, row.MessageId, row.Recipients));
        Assert.StartsWith("2019-06-05T01:00:00", row.SentAt, StringComparison.Ordinal);
        Assert.Empty(await Store.PendingAsync(Lapse));
    }

    [SkippableFact]
    public async Task Release_KeepsTheRowOwed_WithTheReason_AndFailedKeepsTheServersWords()
    {
        var released = await RecordedAsync("1");
        var failed = await RecordedAsync("2");
        await Store.ClaimAsync(released, "worker-a", Lapse);
        await Store.ClaimAsync(failed, "worker-a", Lapse);

        Assert.True(await Store.ReleaseAsync(released, "worker-a", "421 try later"));
        Assert.True(await Store.MarkFailedAsync(failed, "worker-a", "550 no such user"));

        Assert.Equal((ReminderState.Owed, "421 try later"), ((await Store.FindAsync(released))!.State, (await Store.FindAsync(released))!.LastError));
        Assert.Equal((ReminderState.Failed, "550 no such user"), ((await Store.FindAsync(failed))!.State, (await Store.FindAsync(failed))!.LastError));
        Assert.Equal([released], await Store.PendingAsync(Lapse));
    }

    [SkippableFact]
    public async Task Pending_IsInIdOrder_UpToTheLimit()
    {
        var ids = new List<long>();
        foreach (var n in new[] { "1", "2", "3" }) ids.Add(await RecordedAsync(n));

        var pending = await Store.PendingAsync(Lapse, limit: 2);

        Assert.Equal(ids.Order().Take(2), pending);
    }

    [SkippableFact]
    public async Task RecordedFor_GroupsRowsByItem()
    {
        var a = await ItemAsync("A");
        var b = await ItemAsync("B");
        await Store.RecordAsync([
            new DecidedReminder(a, "银行保险处", "lead", "before-7", D("2019-06-20"), D("2019-06-11"), ReminderState.Owed),
            new DecidedReminder(a, "综合处", "co", "due", D("2019-06-20"), D("2019-06-20"), ReminderState.Owed),
            new DecidedReminder(b, "银行保险处", "lead", "due", D("2019-06-20"), D("2019-06-20"), ReminderState.Owed),
        ]);

        var recorded = await Store.RecordedForAsync([a, b, 999_999]);

        Assert.Equal(["before-7", "due"], recorded[a].Select(r => r.Stage).Order(StringComparer.Ordinal));
        Assert.Equal(["银行保险处"], recorded[b].Select(r => r.Division));
        Assert.Empty(recorded[999_999]);
    }

    private async Task<long> ItemAsync(string number)
    {
        var items = new ItemStore(Database, _clock);
        var item = Make(number, "2019-03-20", "2019-06-20");
        await items.UpsertAsync([item]);
        return (await items.FindAsync(item.Key))!.Id;
    }

    private async Task<DecidedReminder> Owed(string stage, string due, string planned, string number = "1") =>
        new(await ItemAsync(number), "银行保险处", "lead", stage, D(due), D(planned), ReminderState.Owed);

    private async Task<long> RecordedAsync(string number = "1")
    {
        var decided = await Owed("due", "2019-06-20", "2019-06-20", number);
        await Store.RecordAsync([decided]);
        return (await Store.PendingAsync(TimeSpan.FromMinutes(15))).Max();
    }
}
