using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>
/// The rows of one import chunk written with one command per statement, its parameters created once
/// and set in place for each row (Dapper would rebuild them per row); on PostgreSQL the chunk's
/// inserts go as one statement over arrays and its updates as one prepared batch, one round trip
/// each instead of one a row.
/// </summary>
internal static partial class ImportCommands
{
    private static readonly Dictionary<(Type, string), object> Bindings = [];
    private static readonly DateOnlyHandler Dates = new();
    private static readonly InstantHandler Instants = new();

    [System.Text.RegularExpressions.GeneratedRegex(@"@(\w+)")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    /// <summary>Runs <paramref name="sql"/> for every row; returns the rows the database says it changed.</summary>
    public static async Task<int> ExecuteAsync<TRow>(
        StorageProvider provider, DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return 0;
        var bindings = BindingsOf<TRow>(sql);
        if (provider == StorageProvider.Postgres && sql.StartsWith("INSERT ", StringComparison.Ordinal))
        {
            return await InsertAsArraysAsync(connection, transaction, sql, bindings, rows, cancellationToken).ConfigureAwait(false);
        }
        if (provider == StorageProvider.Postgres && connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var binding in bindings)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = binding.Name;
                    binding.Set(parameter, row);
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            // Prepared, the server parses and plans the statement once per connection, not once per row.
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var single = connection.CreateCommand();
        single.CommandText = sql;
        single.Transaction = transaction;
        var parameters = new DbParameter[bindings.Length];
        for (var i = 0; i < bindings.Length; i++)
        {
            parameters[i] = single.CreateParameter();
            parameters[i].ParameterName = bindings[i].Name;
            single.Parameters.Add(parameters[i]);
        }
        // Microsoft.Data.Sqlite keeps the compiled statement only of a prepared command; unprepared, it
        // compiles the INSERT again for every row.
        if (provider == StorageProvider.Sqlite) await single.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var changed = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < bindings.Length; i++) bindings[i].Set(parameters[i], row);
            changed += await single.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return changed;
    }

    // PostgreSQL inserts a chunk as one statement over one array a column: a statement a row costs the
    // server several times the insert itself, even batched and prepared.
    private static async Task<int> InsertAsArraysAsync<TRow>(
        DbConnection connection, DbTransaction transaction, string insert, Binding<TRow>[] bindings, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        // "INSERT INTO table (columns) VALUES (...)": the same table and columns, from the arrays.
        var open = insert.IndexOf('(', StringComparison.Ordinal);
        var table = insert["INSERT INTO ".Length..open].Trim();
        var columns = insert[(open + 1)..insert.IndexOf(')', StringComparison.Ordinal)];
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({columns}) SELECT * FROM unnest({string.Join(", ", bindings.Select(b => b.Name))})";
        foreach (var binding in bindings)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = binding.Name;
            parameter.Value = binding.Column(rows);
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The parameters of a statement, each read from the row type's property of its name.
    private static Binding<TRow>[] BindingsOf<TRow>(string sql)
    {
        lock (Bindings)
        {
            if (Bindings.TryGetValue((typeof(TRow), sql), out var known)) return (Binding<TRow>[])known;
            var bindings = ParameterName().Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)
                .Select(name => new Binding<TRow>(name, typeof(TRow).GetProperty(name)
                    ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no property {name} for the parameter of \"{sql}\"")))
                .ToArray();
            Bindings[(typeof(TRow), sql)] = bindings;
            return bindings;
        }
    }

    private sealed class Binding<TRow>(string name, System.Reflection.PropertyInfo property)
    {
        private readonly Func<TRow, object?> _get = Getter(property);
        private readonly Type _type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;

        // Named as the statement writes it: Microsoft.Data.Sqlite finds a bare name only after trying each prefix, for every row.
        public string Name { get; } = "@" + name;

        public void Set(DbParameter parameter, TRow row)
        {
            var value = _get(row);
            // A null gets the type its values have, so that a batch's statements agree on their parameters;
            // dates and instants are written as the type handlers write them for Dapper.
            if (_type == typeof(DateOnly)) Dates.SetValue(parameter, value is DateOnly d ? d : default);
            else if (_type == typeof(DateTimeOffset)) Instants.SetValue(parameter, value is DateTimeOffset t ? t : default);
            else
            {
                parameter.DbType = _type == typeof(long) ? System.Data.DbType.Int64 : System.Data.DbType.String;
                parameter.Value = value;
            }
            if (value is null) parameter.Value = DBNull.Value;
        }

        /// <summary>The column's values for <paramref name="rows"/> as one array of its type (text[], bigint[], date[], timestamptz[]).</summary>
        public Array Column(IReadOnlyList<TRow> rows)
        {
            if (_type == typeof(long)) return rows.Select(r => (long)_get(r)!).ToArray();
            if (_type == typeof(DateOnly)) return rows.Select(r => (DateOnly?)_get(r)).ToArray();
            // Npgsql writes a DateTimeOffset to timestamptz only with offset zero.
            if (_type == typeof(DateTimeOffset)) return rows.Select(r => ((DateTimeOffset)_get(r)!).ToUniversalTime()).ToArray();
            return rows.Select(r => (string?)_get(r)).ToArray();
        }

        private static Func<TRow, object?> Getter(System.Reflection.PropertyInfo property)
        {
            var row = System.Linq.Expressions.Expression.Parameter(typeof(TRow));
            var body = System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(row, property), typeof(object));
            return System.Linq.Expressions.Expression.Lambda<Func<TRow, object?>>(body, row).Compile();
        }
    }
}
