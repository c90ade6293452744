using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Proposals.Storage;

/// <summary>
/// Dates (DateOnly) as each product keeps them: ISO text on SQLite (YYYY-MM-DD sorts as dates do),
/// <c>date</c> on PostgreSQL and SQL Server. One handler serves every provider, because a process
/// (the tests, a migration tool) may talk to several.
/// </summary>
internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public const string Format = "yyyy-MM-dd";

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        switch (parameter)
        {
            case SqliteParameter:
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString(Format, CultureInfo.InvariantCulture);
                break;
            case SqlParameter:
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
                break;
            default:
                // Npgsql writes DateOnly as date.
                parameter.DbType = DbType.Date;
                parameter.Value = value;
                break;
        }
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        string text => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture),
        _ => throw new DataException($"cannot read a date from {value.GetType().Name} \"{value}\""),
    };
}
