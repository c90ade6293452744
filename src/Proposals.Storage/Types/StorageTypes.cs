using Dapper;

namespace Proposals.Storage;

/// <summary>
/// Teaches Dapper the program's value types, once per process. Enums (role, state, round) are not
/// among them: Dapper passes an enum parameter as its number whatever handler is registered, so
/// their codes are written and read explicitly where the rows are mapped.
/// </summary>
internal static class StorageTypes
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        // Dapper maps DateTimeOffset itself unless the built-in mapping is removed first.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new ReminderStageHandler());
        return true;
    });

    /// <summary>Registers the handlers; cheap after the first call.</summary>
    public static void Register() => _ = Registered.Value;
}
