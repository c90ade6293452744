using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The reminders go out (催办发送): how many are owed and due, whether this worker's last drain could
/// use the mail server, and the reminders that failed for good, with the latest server's words.
/// </summary>
/// <remarks>
/// Degraded, not Unhealthy: a reminder that failed in the last week, any reminder whose outcome is
/// uncertain (until the coordinator resends or dismisses it), or a drain that could not reach
/// the mail server, needs someone to look (resend it from 催办记录, fix the address or the settings)
/// while the worker goes on with the rest. Failures older than a week are still counted in the data,
/// but no longer hold the status down: a readiness that stays Degraded for ever teaches people to
/// ignore it.
/// </remarks>
internal sealed class HealthReminderCheck(ReminderStore reminders, DrainHealth drain, LedgerOptions ledger, TimeProvider clock) : IHealthCheck
{
    /// <summary>How far back a failure keeps the status Degraded.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var failures = await reminders.FailuresAsync(now - Recent, cancellationToken).ConfigureAwait(false);
        var due = await reminders.CountDueAsync(cancellationToken).ConfigureAwait(false);
        var states = await reminders.CountByStateAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["owed"] = states.GetValueOrDefault(ReminderState.Owed),
            ["dueNow"] = due,
            ["failedReminders"] = failures.Total,
            ["failedLastWeek"] = failures.Recent,
            ["uncertain"] = states.GetValueOrDefault(ReminderState.Uncertain),
        };
        if (failures.Latest is { } latest)
        {
            data["lastFailure"] = $"#{latest.Id} {latest.Division} {latest.Stage.Code}: {latest.LastError}";
        }
        var problems = new List<string>();
        if (drain.Down is { } down)
        {
            data["mailDownSince"] = ledger.Shown(down.Since);
            problems.Add($"邮件自 {ledger.Shown(down.Since)} 起无法发出, 催办待恢复后补发 (mail cannot leave since then; reminders wait): {down.Reason}");
        }
        if (states.GetValueOrDefault(ReminderState.Uncertain) is var uncertain and > 0)
        {
            problems.Add($"{uncertain} 条催办结果不明 (邮件已发出, 服务器未答复), 不会自动重发, 请在催办记录中重发或忽略 " +
                $"({uncertain} reminder(s) with an unknown outcome are not sent again by themselves; resend or dismiss them in 催办记录)");
        }
        if (failures.Recent > 0)
        {
            problems.Add($"近7天有 {failures.Recent} 条催办发送失败, 见催办记录, 可重发 (reminders failed for good in the last week; see 催办记录 and resend): {failures.Latest?.LastError}");
        }
        if (problems.Count > 0) return HealthCheckResult.Degraded(string.Join(" ", problems), data: data);
        return HealthCheckResult.Healthy(
            $"催办正常, 待发送 {states.GetValueOrDefault(ReminderState.Owed)} 条, 历来失败 {failures.Total} 条 (reminders flow; {states.GetValueOrDefault(ReminderState.Owed)} owed, {failures.Total} failed in all)", data);
    }
}
