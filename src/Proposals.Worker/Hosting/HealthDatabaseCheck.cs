using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proposals.Storage;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The ledger database answers (台账数据库可用): a connection opens, <c>SELECT 1</c> runs, and the
/// reminder record is there. The number of reminders that failed for good is reported alongside.
/// </summary>
/// <remarks>
/// Failed reminders do not change the status: they stay failed until someone acts on them, and a
/// readiness that stays Degraded for weeks would teach people to ignore it. Monitor the number.
/// </remarks>
internal sealed class HealthDatabaseCheck(LedgerDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        DbConnection connection;
        try
        {
            connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"无法连接台账数据库 (cannot open the ledger database): {e.Message}", e);
        }
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await ScalarAsync(connection, "SELECT 1", cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                return HealthCheckResult.Unhealthy($"台账数据库不应答 (the ledger database does not answer SELECT 1): {e.Message}", e);
            }
            long failed;
            try
            {
                var states = await new ReminderStore(database).CountByStateAsync(cancellationToken).ConfigureAwait(false);
                failed = states.GetValueOrDefault(Domain.Reminders.ReminderState.Failed);
            }
            catch (DbException e)
            {
                return HealthCheckResult.Unhealthy(
                    $"台账数据库没有催办记录表, 请运行 proposals migrate (the ledger tables are missing: run `proposals migrate`): {e.Message}", e);
            }
            var data = new Dictionary<string, object> { ["failedReminders"] = failed };
            return HealthCheckResult.Healthy(failed == 0
                ? "台账数据库可用 (the ledger database answers); 没有发送失败的催办 (no failed reminders)"
                : $"台账数据库可用 (the ledger database answers); {failed} 条催办发送失败, 见 reminders 表 state = 'failed' ({failed} reminders failed for good)", data);
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
