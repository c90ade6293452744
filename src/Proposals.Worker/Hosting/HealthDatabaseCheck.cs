using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proposals.Storage;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The ledger database answers (台账数据库可用): a connection opens, <c>SELECT 1</c> runs, and the
/// reminder record is there. What became of the reminders is the "reminders" check's.
/// </summary>
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
            try
            {
                await new ReminderStore(database).CountByStateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                return HealthCheckResult.Unhealthy(
                    $"台账数据库没有催办记录表, 请运行 proposals migrate (the ledger tables are missing: run `proposals migrate`): {e.Message}", e);
            }
            return HealthCheckResult.Healthy($"台账数据库可用 (the ledger database answers): {database.Provider.Name()} {database.DataSource}");
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
