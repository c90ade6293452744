using System.Globalization;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Benchmarks;

/// <summary>
/// The floor of a first import: the same rows written into an empty, migrated ledger by one
/// prepared INSERT in one transaction, the parameters set in place, no lookup and no Dapper.
/// </summary>
internal static class BareImport
{
    private static readonly string[] Names =
    [
        "kind", "session", "number", "title", "proposer", "lead_division", "co_divisions", "assigned_on", "due_on",
        "co_input_due_on", "acknowledged_on", "extended_to", "extension_reason", "effective_due_on", "earliest_due_on",
        "replied_on", "reply_class", "satisfaction", "is_key", "is_returned", "updated_at",
    ];

    public static async Task<long> InsertAsync(LedgerDatabase database, IReadOnlyList<Item> items)
    {
        SchemaMigrator.Upgrade(database);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO items ({string.Join(", ", Names)}) VALUES ({string.Join(", ", Names.Select(n => "@" + n))})";
        var p = Names.Select(n =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + n;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync().ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        foreach (var item in items)
        {
            var earliest = item.CoDivisions.Count > 0 && item.CoInputDueOn < item.EffectiveDueOn ? item.CoInputDueOn : item.EffectiveDueOn;
            p[0].Value = item.Key.Kind.Code();
            p[1].Value = item.Key.Session;
            p[2].Value = item.Key.Number;
            p[3].Value = item.Title;
            p[4].Value = item.Proposer;
            p[5].Value = item.LeadDivision;
            p[6].Value = string.Join("、", item.CoDivisions);
            p[7].Value = Day(item.AssignedOn);
            p[8].Value = Day(item.DueOn);
            p[9].Value = Day(item.CoInputDueOn);
            p[10].Value = Day(item.AcknowledgedOn);
            p[11].Value = Day(item.Extension?.NewDueOn);
            p[12].Value = (object?)item.Extension?.Reason ?? DBNull.Value;
            p[13].Value = Day(item.EffectiveDueOn);
            p[14].Value = Day(earliest);
            p[15].Value = Day(item.RepliedOn);
            p[16].Value = (object?)item.ReplyClass?.ToString() ?? DBNull.Value;
            p[17].Value = (object?)item.Satisfaction?.Code() ?? DBNull.Value;
            p[18].Value = item.IsKey ? 1 : 0;
            p[19].Value = item.IsReturned ? 1 : 0;
            p[20].Value = now;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        return items.Count;
    }

    private static object Day(DateOnly? day) =>
        day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
}
