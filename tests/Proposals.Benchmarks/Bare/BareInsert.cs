using System.Data;
using System.Data.Common;
using System.Globalization;
using Proposals.Benchmarks.Generation;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// The floor of a first import: the rows of the same file written into an empty <c>bench_items</c>
/// by one prepared INSERT in one transaction, parameters made once and set in place, each date
/// parsed once and the derived dates worked out plainly (months on the calendar, not on working
/// days: the floor, not the rule). No validation, no lookup, no mapping library.
/// </summary>
internal static class BareInsert
{
    public static async Task<long> RunAsync(RawDatabase database, string csvPath)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await RawDatabase.ExecuteAsync(connection, BareTable.Create(database)).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO bench_items ({string.Join(", ", BareTable.Columns)}) VALUES ({string.Join(", ", BareTable.Columns.Select(c => "@" + c))})";
        var p = BareTable.Columns.Select(c => Parameter(command, c)).ToArray();
        await command.PrepareAsync().ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var column = LedgerCsv.ItemHeader.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        int At(string name) => column[name];
        int kind = At("类别"), session = At("届次"), number = At("编号"), title = At("标题"), proposer = At("提出人"),
            lead = At("主办处室"), co = At("协办处室"), assigned = At("交办日期"), due = At("办理期限"), acknowledged = At("签收日期"),
            replied = At("答复日期"), replyClass = At("答复类别"), satisfaction = At("满意度"), key = At("重点督办"),
            returned = At("退回"), extended = At("延期至"), reason = At("延期原因");
        long rows = 0;
        foreach (var f in CsvRows.Read(csvPath))
        {
            var assignedOn = Date(f[assigned])!.Value;
            var dueOn = Date(f[due]) ?? assignedOn.AddMonths(3);
            var coInputDueOn = assignedOn.AddMonths(1);
            var extendedTo = Date(f[extended]);
            var effective = extendedTo ?? dueOn;
            var earliest = f[co].Length > 0 && coInputDueOn < effective ? coInputDueOn : effective;
            p[0].Value = f[kind] == "建议" ? "npc" : "cppcc";
            p[1].Value = f[session];
            p[2].Value = f[number];
            p[3].Value = f[title];
            p[4].Value = f[proposer];
            p[5].Value = f[lead];
            p[6].Value = f[co];
            p[7].Value = Iso(assignedOn);
            p[8].Value = Iso(dueOn);
            p[9].Value = Iso(coInputDueOn);
            p[10].Value = Iso(Date(f[acknowledged]));
            p[11].Value = Iso(extendedTo);
            p[12].Value = Text(f[reason]);
            p[13].Value = Iso(effective);
            p[14].Value = Iso(earliest);
            p[15].Value = Iso(Date(f[replied]));
            p[16].Value = Text(f[replyClass]);
            p[17].Value = f[satisfaction] switch { "满意" => "satisfied", "基本满意" => "basically-satisfied", "不满意" => "dissatisfied", _ => DBNull.Value };
            p[18].Value = f[key] == "是" ? 1 : 0;
            p[19].Value = f[returned] == "是" ? 1 : 0;
            p[20].Value = now;
            p[21].Value = "lead";
            p[22].Value = "";
            p[23].Value = Iso(assignedOn.AddDays(2));
            p[24].Value = f[returned] == "是" ? Iso(assignedOn) : Iso(Date(f[replied]));
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            rows++;
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        return rows;
    }

    // Typed once, before Prepare: Npgsql prepares a statement for the parameter types it is given.
    private static DbParameter Parameter(DbCommand command, string column)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + column;
        parameter.DbType = column is "is_key" or "is_returned" ? DbType.Int32 : DbType.String;
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static DateOnly? Date(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, LedgerCsv.DateFormat, CultureInfo.InvariantCulture);

    private static object Iso(DateOnly? day) =>
        day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;

    private static object Text(string text) => text.Length == 0 ? DBNull.Value : text;
}
