using Microsoft.Extensions.Time.Testing;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Storage;

/// <summary>The reminder record as the senders' only queue: record, claim under a lease, mark; on every provider.</summary>
public abstract class ReminderStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    // 09:00 in Beijing: the clock speaks +08:00, the database keeps instants as instants.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 6, 5, 9, 0, 0, TimeSpan.FromHours(8)));

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
    public async Task Record_FourSweepsAtOnce_RecordEachReminderOnce()
    {
        var decided = new List<DecidedReminder>();
        for (var n = 0; n < 20; n++) decided.Add(await Owed("due", "2019-06-20", "2019-06-20", $"{n}"));

        var written = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store.RecordAsync(decided))));

        Assert.Equal(20, written.Sum());
        Assert.Equal(20, (await Store.CountByStateAsync())[ReminderState.Owed]);
    }

    [SkippableFact]
    public async Task Record_NewerStage_SupersedesTheOlderOneStillOwed()
    {
        var older = await Owed("before-7", "2019-06-20", "2019-06-11");
        await Store.RecordAsync([older]);

        await Store.RecordAsync([older with { Stage = ReminderStage.Before(3), PlannedOn = D("2019-06-17") }]);

        var rows = await RowsAsync();
        Assert.Equal(["before-7 superseded", "before-3 owed"], rows.Select(r => $"{r.Stage} {r.State.Code()}"));
    }

    [SkippableFact]
    public async Task Record_AnExtension_SupersedesTheOldDatesStageStillOwed()
    {
        var old = await Owed("overdue-1", "2019-06-20", "2019-06-21");
        await Store.RecordAsync([old]);

        await Store.RecordAsync([old with { Stage = ReminderStage.Before(15), DueOn = D("2019-08-30"), PlannedOn = D("2019-08-15") }]);

        Assert.Equal(["overdue-1 2019-06-20 superseded", "before-15 2019-08-30 owed"],
            (await RowsAsync()).Select(r => $"{r.Stage} {r.DueOn:yyyy-MM-dd} {r.State.Code()}"));
    }

    [SkippableFact]
    public async Task Record_TheAcknowledgementReminder_NeitherSupersedesNorGivesWay()
    {
        var ack = await Owed("ack", "2019-03-22", "2019-03-25");
        var due = ack with { Stage = ReminderStage.Before(15), DueOn = D("2019-06-20"), PlannedOn = D("2019-06-05") };

        await Store.RecordAsync([ack]);
        await Store.RecordAsync([due]);

        Assert.Equal(["ack owed", "before-15 owed"], (await RowsAsync()).Select(r => $"{r.Stage} {r.State.Code()}"));
    }

    [SkippableFact]
    public async Task Claim_SixSendersAtOnce_EachRowGoesToOne()
    {
        for (var n = 0; n < 30; n++) await Store.RecordAsync([await Owed("due", "2019-06-20", "2019-06-20", $"{n}")]);

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Store.ClaimAsync(Lease, 10))));

        var claimed = batches.SelectMany(b => b).Select(c => c.Record.Id).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.All(batches.Where(b => b.Count > 0), b => Assert.Single(b.Select(c => c.Lease.Owner).Distinct()));
        Assert.Equal(claimed.Count, (await Store.CountByStateAsync())[ReminderState.Sending]);
        Assert.Equal(30, claimed.Count + (await Store.CountByStateAsync()).GetValueOrDefault(ReminderState.Owed));
    }

    [SkippableFact]
    public async Task ClaimEmails_SixSendersAtOnce_EachDivisionsRowsGoToOneSender_Whole()
    {
        string[] divisions = ["综合处", "银行保险处", "金融服务处", "法规处", "地方金融处"];
        for (var n = 0; n < 30; n++)
            await Store.RecordAsync([await Owed("due", "2019-06-20", "2019-06-20", $"{n}") with { Division = divisions[n % divisions.Length] }]);

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Store.ClaimEmailsAsync(Lease, 2, D("2019-06-20")))));

        var emails = batches.SelectMany(b => b).ToList();
        Assert.Equal(divisions.Order(StringComparer.Ordinal), emails.Select(e => e.Division).Order(StringComparer.Ordinal));
        Assert.All(emails, e => Assert.Equal(6, e.Rows.Count));
        Assert.All(emails, e => Assert.Single(e.Rows.Select(r => r.Record.Division).Distinct()));
        Assert.All(batches.Where(b => b.Count > 0), b => Assert.Single(b.SelectMany(e => e.Rows).Select(r => r.Lease.Owner).Distinct()));
        Assert.Empty(await Store.ClaimEmailsAsync(Lease, 10, D("2019-06-20")));
    }

    [SkippableFact]
    public async Task ClaimEmails_PassesOverADivisionWhoseEmailOfTheDayWent_UntilTheNextDay()
    {
        var first = await RecordedAsync("1");
        var email = Assert.Single(await Store.ClaimEmailsAsync(Lease, 10, D("2019-06-20")));
        Assert.Equal(1, await Store.MarkSentAsync([first], email.Lease, "reminders.1@finance.example.org", "yinbao@finance.example.org", null,
            new MorningEmailDay("银行保险处", D("2019-06-20"))));
        await RecordedAsync("2");

        var sameDay = await Store.ClaimEmailsAsync(Lease, 10, D("2019-06-20"));
        var waiting = await Store.CountWaitingForMorningAsync(D("2019-06-20"));
        var nextDay = Assert.Single(await Store.ClaimEmailsAsync(Lease, 10, D("2019-06-21")));

        Assert.Empty(sameDay);
        Assert.Equal(1, waiting);
        Assert.Equal(("银行保险处", 1), (nextDay.Division, nextDay.Rows.Count));
        Assert.Equal(D("2019-06-20"), (await Store.FindAsync(first))!.EmailOn);
    }

    [SkippableFact]
    public async Task Claim_TakesOnlyWhatIsDue_AndNothingAnotherSenderHolds()
    {
        var id = await RecordedAsync();
        var first = Assert.Single(await Store.ClaimAsync(Lease, 10));

        var second = await Store.ClaimAsync(Lease, 10);

        Assert.Equal(id, first.Record.Id);
        Assert.Equal(ReminderState.Sending, first.Record.State);
        Assert.False(first.Reclaimed);
        Assert.Empty(second);
    }

    [SkippableFact]
    public async Task Claim_TakesARowBack_OnceItsSendersLeaseLapsed()
    {
        var id = await RecordedAsync();
        var dead = Assert.Single(await Store.ClaimAsync(Lease, 10));

        _clock.Advance(TimeSpan.FromMinutes(4));
        var early = await Store.ClaimAsync(Lease, 10);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var late = Assert.Single(await Store.ClaimAsync(Lease, 10));

        Assert.Empty(early);
        Assert.Equal(id, late.Record.Id);
        Assert.True(late.Reclaimed);
        Assert.Equal(Proposals.Storage.Lease.Process, late.PreviousSender);
        Assert.False(await Store.MarkSentAsync(id, dead.Lease, "<late@example.org>", "yinbao@finance.example.org", null));
        Assert.True(await Store.MarkSentAsync(id, late.Lease, "<a@example.org>", "yinbao@finance.example.org", null));
    }

    [SkippableFact]
    public async Task Renew_KeepsTheRowsOfASlowSender_FromBeingTakenBack()
    {
        await RecordedAsync();
        var held = Assert.Single(await Store.ClaimAsync(Lease, 10));

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await Store.RenewAsync(held.Lease, _clock.GetUtcNow() + Lease));
        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Empty(await Store.ClaimAsync(Lease, 10));
    }

    [SkippableFact]
    public async Task MarkSent_OnlyByTheLeaseOwner_AndOnlyOnce()
    {
        var id = await RecordedAsync();
        var held = Assert.Single(await Store.ClaimAsync(Lease, 10));
        var stranger = Proposals.Storage.Lease.Take(_clock.GetUtcNow(), Lease);

        var byOther = await Store.MarkSentAsync(id, stranger, "<b@example.org>", "yinbao@finance.example.org", null);
        var byOwner = await Store.MarkSentAsync(id, held.Lease, "<a@example.org>", "yinbao@finance.example.org", "yinbao.head@finance.example.org");
        var again = await Store.MarkSentAsync(id, held.Lease, "<a2@example.org>", "yinbao@finance.example.org", null);

        Assert.Equal((false, true, false), (byOther, byOwner, again));
        var row = (await Store.FindAsync(id))!;
        Assert.Equal((ReminderState.Sent, "<a@example.org>", "yinbao@finance.example.org", "yinbao.head@finance.example.org"), (row.State, row.MessageId, row.To, row.Cc));
        Assert.Equal(new DateTimeOffset(2019, 6, 5, 1, 0, 0, TimeSpan.Zero), row.SentAt);
        Assert.Empty(await Store.ClaimAsync(Lease, 10));
    }

    //  A send that fails for now waits, then is tried again; after the last allowed attempt it fails
    //  for good, keeping the last error:
    //
    //   09:00 claim -> 421   09:01 not yet   09:05 claim -> 421   (max 2) -> failed
    [SkippableFact]
    public async Task RetryLater_WaitsForItsTime_ThenFailsAfterTheLastAttempt()
    {
        var id = await RecordedAsync();
        var first = Assert.Single(await Store.ClaimAsync(Lease, 10));
        var afterFirst = await Store.RetryLaterAsync(id, first.Lease, "421 4.7.0 try later", _clock.GetUtcNow().AddMinutes(5), maxAttempts: 2);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var tooEarly = await Store.ClaimAsync(Lease, 10);
        _clock.Advance(TimeSpan.FromMinutes(4));
        var second = Assert.Single(await Store.ClaimAsync(Lease, 10));
        var afterSecond = await Store.RetryLaterAsync(id, second.Lease, "421 4.7.0 still busy", _clock.GetUtcNow().AddMinutes(15), maxAttempts: 2);

        Assert.Equal((ReminderState.Owed, ReminderState.Failed), (afterFirst, afterSecond));
        Assert.Empty(tooEarly);
        Assert.Equal(1, second.Record.Attempts);
        var row = (await Store.FindAsync(id))!;
        Assert.Equal((2, "421 4.7.0 still busy"), (row.Attempts, row.LastError));
        Assert.Empty(await Store.ClaimAsync(Lease, 10));
    }

    [SkippableFact]
    public async Task Release_GivesRowsBackUntried_TheirAttemptsUnchanged()
    {
        var ids = new[] { await RecordedAsync("1"), await RecordedAsync("2") };
        var held = await Store.ClaimAsync(Lease, 10);

        var released = await Store.ReleaseAsync(ids, held[0].Lease, "127.0.0.1:25: 无法连接 SMTP 服务器", _clock.GetUtcNow());

        Assert.Equal(2, released);
        foreach (var id in ids)
        {
            var row = (await Store.FindAsync(id))!;
            Assert.Equal((ReminderState.Owed, 0, "127.0.0.1:25: 无法连接 SMTP 服务器"), (row.State, row.Attempts, row.LastError));
        }
        Assert.Equal(2, (await Store.ClaimAsync(Lease, 10)).Count);
    }

    [SkippableFact]
    public async Task Supersede_RecordsTheStageOwedToday_InTheOldOnesPlace()
    {
        var id = await RecordedAsync();
        var held = Assert.Single(await Store.ClaimAsync(Lease, 10));

        var done = await Store.SupersedeAsync(id, held.Lease, new DecidedReminder(
            held.Record.ItemId, "银行保险处", ReminderRole.Lead, HandlingRound.First, ReminderStage.Overdue(1), D("2019-06-20"), D("2019-06-21")));

        Assert.True(done);
        Assert.Equal(["due superseded", "overdue-1 owed"], (await RowsAsync()).Select(r => $"{r.Stage} {r.State.Code()}"));
        Assert.Equal("已由 第1次督办 取代 (superseded by overdue-1)", (await RowsAsync())[0].LastError);
        Assert.Equal(ReminderStage.Overdue(1), Assert.Single(await Store.ClaimAsync(Lease, 10)).Record.Stage);
    }

    [SkippableFact]
    public async Task Resend_MakesAFailedReminderOwedNow_WithItsAttemptsCountedAfresh()
    {
        var id = await RecordedAsync();
        var held = Assert.Single(await Store.ClaimAsync(Lease, 10));
        await Store.MarkFailedAsync(id, held.Lease, "550 5.1.1 no such user");

        var resent = await Store.ResendAsync(id);
        var again = await Store.ResendAsync(id);

        Assert.Equal((true, false), (resent, again));
        var claimed = Assert.Single(await Store.ClaimAsync(Lease, 10));
        Assert.Equal((id, 0), (claimed.Record.Id, claimed.Record.Attempts));
    }

    [SkippableFact]
    public async Task ClaimOne_TakesThatRowOnly_WhateverItsNextAttemptTime()
    {
        var id = await RecordedAsync("1");
        await RecordedAsync("2");
        var held = Assert.Single(await Store.ClaimAsync(Lease, 1));
        await Store.RetryLaterAsync(held.Record.Id, held.Lease, "421", _clock.GetUtcNow().AddHours(1), maxAttempts: 10);

        var one = await Store.ClaimOneAsync(id, Lease);

        Assert.Equal(id, one!.Record.Id);
        Assert.Null(await Store.ClaimOneAsync(id, Lease));
    }

    [SkippableFact]
    public async Task RecordedFor_GroupsRowsByItem_LeavingSupersededOut()
    {
        var a = await ItemAsync("A");
        var b = await ItemAsync("B");
        await Store.RecordAsync([Decided(a, "银行保险处", ReminderRole.Lead, "before-7", "2019-06-11")]);
        await Store.RecordAsync([
            Decided(a, "银行保险处", ReminderRole.Lead, "before-3", "2019-06-17"),
            Decided(a, "综合处", ReminderRole.CoDivision, "due", "2019-06-20"),
            Decided(b, "银行保险处", ReminderRole.Lead, "due", "2019-06-20"),
        ]);

        var recorded = await Store.RecordedForAsync([a, b, 999_999]);

        Assert.Equal(["before-3 银行保险处", "due 综合处"], recorded[a].Select(r => $"{r.Stage} {r.Division}").Order(StringComparer.Ordinal));
        Assert.Equal([D("2019-06-20")], recorded[b].Select(r => r.DueOn));
        Assert.Empty(recorded[999_999]);
    }

    [SkippableFact]
    public async Task List_FiltersByItemDivisionAndState_NewestFirst_InPages()
    {
        var a = await ItemAsync("A");
        var b = await ItemAsync("B");
        await Store.RecordAsync([Decided(a, "银行保险处", ReminderRole.Lead, "before-7", "2019-06-11")]);
        await Store.RecordAsync([Decided(a, "综合处", ReminderRole.CoDivision, "due", "2019-06-20"), Decided(b, "银行保险处", ReminderRole.Lead, "due", "2019-06-20")]);

        var byItem = await Store.ListAsync(new ReminderQuery(Item: Make("A", "2019-03-20", "2019-06-20").Key)).ToListAsync();
        var byDivision = await Store.ListAsync(new ReminderQuery(Division: "银行保险处")).ToListAsync();
        var owed = await Store.ListAsync(new ReminderQuery(State: ReminderState.Owed, Limit: 1)).ToListAsync();
        var next = await Store.ListAsync(new ReminderQuery(State: ReminderState.Owed, Before: owed[0].Record.Id)).ToListAsync();

        Assert.Equal(["综合处 due", "银行保险处 before-7"], byItem.Select(l => $"{l.Record.Division} {l.Record.Stage}"));
        Assert.Equal(["B due", "A before-7"], byDivision.Select(l => $"{l.Item.Number} {l.Record.Stage}"));
        Assert.Equal(["B", "A", "A"], owed.Concat(next).Select(l => l.Item.Number));
        Assert.Equal("关于加大小微企业首贷支持力度的建议", byItem[0].Title);
    }

    [SkippableFact]
    public async Task Instants_AreComparedAsInstants_WhateverTheOffsetTheyWereWrittenWith()
    {
        // Recorded at 09:00+08:00 (01:00Z) with a retry at 09:30+08:00 (01:30Z); asked at 01:29Z and 01:31Z.
        var id = await RecordedAsync();
        var held = Assert.Single(await Store.ClaimAsync(Lease, 10));
        await Store.RetryLaterAsync(id, held.Lease, "421", new DateTimeOffset(2019, 6, 5, 9, 30, 0, TimeSpan.FromHours(8)), maxAttempts: 10);
        var utc = new FakeTimeProvider(new DateTimeOffset(2019, 6, 5, 1, 29, 0, TimeSpan.Zero));
        var store = new ReminderStore(Database, utc);

        var before = await store.ClaimAsync(Lease, 10);
        utc.Advance(TimeSpan.FromMinutes(2));
        var after = await store.ClaimAsync(Lease, 10);

        Assert.Empty(before);
        Assert.Equal(id, Assert.Single(after).Record.Id);
    }

    private async Task<List<ReminderRecord>> RowsAsync() =>
        (await Store.ListAsync(new ReminderQuery()).ToListAsync()).Select(l => l.Record).OrderBy(r => r.Id).ToList();

    private async Task<long> ItemAsync(string number)
    {
        var items = new ItemStore(Database, _clock);
        var item = Make(number, "2019-03-20", "2019-06-20");
        await items.UpsertAsync([item]);
        return (await items.FindAsync(item.Key))!.Id;
    }

    private static DecidedReminder Decided(long itemId, string division, ReminderRole role, string stage, string planned) =>
        new(itemId, division, role, HandlingRound.First, ReminderStage.Parse(stage), D("2019-06-20"), D(planned));

    private async Task<DecidedReminder> Owed(string stage, string due, string planned, string number = "1") =>
        new(await ItemAsync(number), "银行保险处", ReminderRole.Lead, HandlingRound.First, ReminderStage.Parse(stage), D(due), D(planned));

    private async Task<long> RecordedAsync(string number = "1")
    {
        var decided = await Owed("due", "2019-06-20", "2019-06-20", number);
        await Store.RecordAsync([decided]);
        return (await RowsAsync()).Single(r => r.ItemId == decided.ItemId).Id;
    }
}
