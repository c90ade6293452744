using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Proposals.Storage;

/// <summary>
/// Instants (DateTimeOffset) compared as instants: UTC text on SQLite (2026-12-02T08:28:00.000Z, whose
/// text order is time order whatever offset the writer had), <c>timestamptz</c> on PostgreSQL,
/// <c>datetimeoffset</c> on SQL Server. Read back in UTC; callers show the bureau's local time.
/// </summary>
internal sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        switch (parameter)
        {
            case SqliteParameter:
                parameter.DbType = DbType.String;
                parameter.Value = Text(value);
                break;
            case SqlParameter:
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value;
                break;
            default:
                // Npgsql writes a DateTimeOffset to timestamptz only with offset zero.
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value.ToUniversalTime();
                break;
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset instant => instant.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        _ => throw new DataException($"cannot read an instant from {value.GetType().Name} \"{value}\""),
    };

    /// <summary>The SQLite text of an instant.</summary>
    public static string Text(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
