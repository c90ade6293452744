using System.Data;
using Dapper;
using Proposals.Domain.Reminders;

namespace Proposals.Storage;

/// <summary>A reminder stage is stored as its code (before-15, due, overdue-2 ...).</summary>
internal sealed class ReminderStageHandler : SqlMapper.TypeHandler<ReminderStage>
{
    public override void SetValue(IDbDataParameter parameter, ReminderStage value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.DbType = DbType.String;
        parameter.Value = value.Code;
    }

    public override ReminderStage Parse(object value) => value is string code && ReminderStage.TryParse(code, out var stage)
        ? stage
        : throw new DataException($"reminders.stage holds \"{value}\", which is not a stage code");
}
