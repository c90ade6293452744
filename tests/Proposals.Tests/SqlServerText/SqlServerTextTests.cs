using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proposals.Tests.SqlServerText;

/// <summary>
/// SQL Server cannot run on these machines, so its suites are skipped here; what can be checked is
/// that every statement the stores send in the SQL Server dialect, and every SQL Server migration, is
/// T-SQL that SQL Server's own parser (ScriptDom) accepts. Parsed, never executed here: names of
/// columns and types are not checked against a schema (ops/test-sqlserver.sh runs the real suites).
/// </summary>
public sealed class SqlServerTextTests(ITestOutputHelper output)
{
    private static readonly Type[] Stores =
    [
        typeof(ItemStore), typeof(ReminderStore), typeof(DivisionStore), typeof(CalendarStore), typeof(SecretStore),
        typeof(ReportRunStore), typeof(FactStore), typeof(DeskStore), typeof(LinkUseStore),
    ];

    [Fact]
    public void EverySqlServerMigration_Parses()
    {
        var scripts = typeof(LedgerDatabase).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Proposals.Storage.Migrations.sqlserver.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            using var stream = typeof(LedgerDatabase).Assembly.GetManifestResourceStream(script)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            // DbUp sends a script in batches split at GO lines, as sqlcmd does; ScriptDom reads GO the same way.
            var errors = Parse(text);
            Assert.True(errors.Count == 0, $"{script}:\n{string.Join("\n", errors)}");
            output.WriteLine($"{script}: parsed");
        }
    }

    [Fact]
    public async Task EveryStatementTheStoresSend_InTheSqlServerDialect_Parses()
    {
        var sent = new ConcurrentQueue<SentStatement>();
        var database = new LedgerDatabase(StorageProvider.SqlServer, "Server=127.0.0.1;Database=proposals;User Id=sa;Password=x;TrustServerCertificate=true")
        {
            Connections = () => new RecordingConnection(sent),
        };
        var clock = TimeProvider.System;
        var items = new ItemStore(database, clock);
        var stores = new object[]
        {
            items, new ReminderStore(database, clock), new DivisionStore(database), new CalendarStore(database, clock), new SecretStore(database, clock),
            new ReportRunStore(database, clock), new FactStore(database, items, clock), new DeskStore(database), new LinkUseStore(database, clock),
        };
        Assert.Equal(Stores, stores.Select(s => s.GetType()));
        var exercised = new List<string>();
        foreach (var store in stores)
        {
            foreach (var method in store.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)))
            {
                var before = sent.Count;
                var stopped = await InvokeAsync(store, method, sent);
                exercised.Add($"{store.GetType().Name}.{method.Name}: {sent.Count - before} statement(s){stopped}");
            }
        }
        sent.Enqueue(new SentStatement(SchemaMigrator.AppliedCountSql, []));

        foreach (var line in exercised) output.WriteLine(line);
        var statements = sent.DistinctBy(s => s.Text).ToList();
        output.WriteLine($"{statements.Count} distinct statements parsed");
        var failures = statements.Select(s => (s.Text, Errors: Parse(WithParameters(s)))).Where(f => f.Errors.Count > 0).ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Select(f => $"{f.Text}\n  {string.Join("\n  ", f.Errors)}")));
        // A parameter SqlClient cannot bind (a list Dapper did not expand) fails on SQL Server as it fails here.
        Assert.DoesNotContain(exercised, e => e.Contains("(stopped: ArgumentException", StringComparison.Ordinal));
        // Every store sent something, and the dialect's own texts were among them.
        Assert.All(Stores, t => Assert.Contains(exercised, e => e.StartsWith(t.Name, StringComparison.Ordinal) && !e.EndsWith(": 0 statement(s)", StringComparison.Ordinal)));
        Assert.Contains(statements, s => s.Text.Contains("OFFSET 0 ROWS FETCH NEXT", StringComparison.Ordinal) || s.Text.Contains("SELECT TOP (", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Text.Contains("WITH (UPDLOCK, HOLDLOCK)", StringComparison.Ordinal));
        Assert.True(statements.Count >= 40, $"only {statements.Count} statements collected");
    }

    [Fact]
    public void AStatementThatIsNotTSql_IsCaught()
    {
        Assert.NotEmpty(Parse("SELECT id FROM reminders ORDER BY id LIMIT @Batch"));
        Assert.NotEmpty(Parse("INSERT INTO t (a) VALUES (@A) ON CONFLICT (a) DO NOTHING"));
    }

    // The parameters as SqlClient declares them before the text (sp_executesql), so the text is parsed as sent.
    private static string WithParameters(SentStatement statement) => statement.Parameters.Count == 0
        ? statement.Text
        : $"DECLARE {string.Join(", ", statement.Parameters.Select(p => $"@{p.Name} {TypeName(p.Type)}"))};\n{statement.Text}";

    private static string TypeName(SqlDbType type) => type switch
    {
        SqlDbType.NVarChar or SqlDbType.VarChar or SqlDbType.NChar or SqlDbType.Char or SqlDbType.NText or SqlDbType.Text => "nvarchar(max)",
        SqlDbType.VarBinary or SqlDbType.Binary or SqlDbType.Image => "varbinary(max)",
        SqlDbType.Decimal => "decimal(38, 10)",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static List<string> Parse(string text)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    // Returns why the method stopped early, if it did (for the test's output).
    private static async Task<string> InvokeAsync(object store, MethodInfo method, ConcurrentQueue<SentStatement> sent)
    {
        object?[] arguments;
        try
        {
            var connection = new RecordingConnection(sent);
            var transaction = connection.BeginTransaction();
            arguments = method.GetParameters().Select(p => p.ParameterType == typeof(DbConnection) ? connection
                : p.ParameterType == typeof(DbTransaction) ? transaction : Sample(p.ParameterType, 0)).ToArray();
        }
        catch (NotSupportedException e)
        {
            return $" (not called: no sample {e.Message})";
        }
        try
        {
            var result = method.Invoke(method.IsStatic ? null : store, arguments);
            if (result is Task task) await task;
            else if (result is not null && result.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
                await DrainAsync((dynamic)result);
            return "";
        }
        catch (Exception e) when (e is TargetInvocationException or InvalidOperationException or InvalidCastException or NullReferenceException
                                      or StorageException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException or FormatException)
        {
            // An empty answer where the store expected a row: what it sent up to there is collected.
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            return $" (stopped: {cause.GetType().Name}: {cause.Message})";
        }
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> rows)
    {
        await foreach (var _ in rows) { }
    }

    private static object? Sample(Type type, int depth)
    {
        if (depth > 4) throw new NotSupportedException(type.Name);
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null) return Sample(nullable, depth);
        if (type == typeof(CancellationToken)) return CancellationToken.None;
        if (type == typeof(string)) return "银行保险处";
        if (type == typeof(long)) return 1L;
        if (type == typeof(int)) return 2;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateOnly)) return new DateOnly(2019, 9, 30);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2019, 9, 30, 1, 0, 0, TimeSpan.Zero);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(5);
        if (type == typeof(ReminderStage)) return ReminderStage.Before(1);
        if (type == typeof(Domain.Ledger.Item)) return Items.Make("0012", "2019-07-01", "2019-10-08", lead: "银行保险处", coDue: "2019-08-01");
        if (type == typeof(Lease)) return Lease.Take(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5));
        if (type == typeof(Action<string>)) return new Action<string>(_ => { });
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type == typeof(byte[])) return new byte[] { 1 };
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(IList<>))
            {
                // Two values of a simple type, so Dapper's expansion of a list parameter is seen; one of a row type.
                var count = arguments[0].IsPrimitive || arguments[0] == typeof(string) ? 2 : 1;
                var array = Array.CreateInstance(arguments[0], count);
                for (var i = 0; i < count; i++) array.SetValue(Sample(arguments[0], depth + 1), i);
                return array;
            }
            if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                return dictionary;
            }
        }
        if (type.IsAbstract || type.IsInterface) throw new NotSupportedException(type.Name);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new NotSupportedException(type.Name);
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType, depth + 1)).ToArray());
    }
}
