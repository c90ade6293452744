using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Ops;

/// <summary>The readiness of the reminders: what failed for good, and whether mail could leave.</summary>
public sealed class HealthReminderCheckTests : IDisposable
{
    private readonly TempLedger _ledger = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly DrainHealth _drain = new();

    private Task<HealthCheckResult> CheckAsync() =>
        new HealthReminderCheck(new ReminderStore(_ledger.Database, _clock), _drain, new LedgerOptions(), _clock).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Healthy_WhenNothingFailed_AndMailFlows()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(0L, result.Data["failedReminders"]);
    }

    [Fact]
    public async Task Degraded_ByAReminderThatFailedThisWeek_WithTheServersWords()
    {
        await FailAsync("550 5.1.1 <yinbao@finance.example.org>: Recipient address rejected");

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("Recipient address rejected", result.Description, StringComparison.Ordinal);
        Assert.Equal((1L, 1L), ((long)result.Data["failedReminders"], (long)result.Data["failedLastWeek"]));
    }

    [Fact]
    public async Task Healthy_Again_AWeekAfterTheLastFailure_WhichIsStillCounted()
    {
        await FailAsync("550 5.1.1 no such user");

        _clock.Advance(TimeSpan.FromDays(8));
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal((1L, 0L), ((long)result.Data["failedReminders"], (long)result.Data["failedLastWeek"]));
    }

    [Fact]
    public async Task Degraded_WhileTheDrainCannotUseTheMailServer_SayingSinceWhen()
    {
        _drain.Record("127.0.0.1:25: 无法连接 SMTP 服务器 (cannot connect): Connection refused", _clock.GetUtcNow());

        var result = await CheckAsync();
        _drain.Clear();
        var after = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("2026-12-02 09:00 +08:00", result.Description, StringComparison.Ordinal);
        Assert.Contains("Connection refused", result.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Degraded_WhileAnyReminderIsUncertain_EvenWeeksLater_UntilDismissed()
    {
        var (store, held) = await HoldAsync();
        await store.MarkUncertainAsync(held.Record.Id, held.Lease, "<reminder.1@proposals>", "yinbao@finance.example.org", null,
            "127.0.0.1:25: 邮件已发出, 服务器 600 秒内未答复 (the message was sent but the server did not reply within 600 s; it may have been delivered)");

        _clock.Advance(TimeSpan.FromDays(30));
        var uncertain = await CheckAsync();
        Assert.True(await store.DismissAsync(held.Record.Id, "由 zonghe 忽略 (dismissed); "));
        var dismissed = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, uncertain.Status);
        Assert.Equal(1L, uncertain.Data["uncertain"]);
        Assert.Contains("unknown outcome", uncertain.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, dismissed.Status);
        Assert.Equal(0L, dismissed.Data["uncertain"]);
    }

    private async Task FailAsync(string error)
    {
        var (store, held) = await HoldAsync();
        await store.MarkFailedAsync(held.Record.Id, held.Lease, error);
    }

    private async Task<(ReminderStore Store, ClaimedReminder Held)> HoldAsync()
    {
        await new DivisionStore(_ledger.Database).UpsertAsync(TempLedger.Divisions);
        var items = new ItemStore(_ledger.Database, _clock);
        var item = Make("0012", "2026-09-01", "2026-12-01");
        await items.UpsertAsync([item]);
        var id = (await items.FindAsync(item.Key))!.Id;
        var store = new ReminderStore(_ledger.Database, _clock);
        await store.RecordAsync([new DecidedReminder(id, "银行保险处", ReminderRole.Lead, HandlingRound.First, ReminderStage.Overdue(1), D("2026-12-01"), D("2026-12-02"))]);
        return (store, Assert.Single(await store.ClaimAsync(TimeSpan.FromMinutes(5), 10)));
    }

    public void Dispose() => _ledger.Dispose();
}
