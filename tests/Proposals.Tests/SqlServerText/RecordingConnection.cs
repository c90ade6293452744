using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Proposals.Tests.SqlServerText;

/// <summary>One statement as a store sent it: the text and its parameters, as SqlClient would carry them.</summary>
internal sealed record SentStatement(string Text, IReadOnlyList<(string Name, SqlDbType Type)> Parameters);

/// <summary>
/// A connection that keeps every command sent on it instead of running it: no SQL Server runs on this
/// machine, and what is checked is the text each store sends through the SQL Server dialect. Commands
/// answer as an empty database would (no rows, one row changed, a scalar of 0), so a store goes on to
/// its next statement where it can. Parameters are SqlClient's own, so Dapper expands lists as it does
/// for SQL Server.
/// </summary>
internal sealed class RecordingConnection(ConcurrentQueue<SentStatement> sent) : DbConnection
{
    private ConnectionState _state = ConnectionState.Closed;

#pragma warning disable CS8765 // the base property is declared with a nullable setter in some targets
    public override string ConnectionString { get; set; } = "Server=recording;Database=proposals";
#pragma warning restore CS8765
    public override string Database => "proposals";
    public override string DataSource => "recording";
    public override string ServerVersion => "16.00.0000";
    public override ConnectionState State => _state;
    public override void ChangeDatabase(string databaseName) { }
    public override void Close() => _state = ConnectionState.Closed;
    public override void Open() => _state = ConnectionState.Open;
    public override Task OpenAsync(CancellationToken cancellationToken) { Open(); return Task.CompletedTask; }
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new RecordingTransaction(this, isolationLevel);
    protected override DbCommand CreateDbCommand() => new RecordingCommand(this, sent);

    private sealed class RecordingTransaction(DbConnection connection, IsolationLevel level) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => level;
        protected override DbConnection DbConnection => connection;
        public override void Commit() { }
        public override void Rollback() { }
    }

    private sealed class RecordingCommand(DbConnection connection, ConcurrentQueue<SentStatement> sent) : DbCommand
    {
        private readonly SqlParameterCollection _parameters = new SqlCommand().Parameters;

#pragma warning disable CS8765
        public override string CommandText { get; set; } = "";
#pragma warning restore CS8765
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; } = connection;
        protected override DbParameterCollection DbParameterCollection => _parameters;
        protected override DbTransaction? DbTransaction { get; set; }
        public override void Cancel() { }
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => new SqlParameter();

        public override int ExecuteNonQuery()
        {
            Record();
            return 1;
        }

        public override object? ExecuteScalar()
        {
            Record();
            return 0;
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            Record();
            return new DataTable().CreateDataReader();
        }

        private void Record() => sent.Enqueue(new SentStatement(CommandText,
            _parameters.Cast<SqlParameter>().Select(p => (p.ParameterName.TrimStart('@'), p.SqlDbType)).ToList()));
    }
}
