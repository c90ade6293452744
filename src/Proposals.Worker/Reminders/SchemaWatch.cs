using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Proposals.Storage;

namespace Proposals.Worker.Reminders;

/// <summary>
/// Makes sure the ledger's schema is still the one this program was built for, before each send: a
/// <c>proposals migrate</c> run by a newer program while this worker runs would otherwise leave it
/// writing rows it no longer understands. When the schema changed, the worker stops with a message
/// saying so, and <see cref="StoppedBecause"/> keeps it for <c>proposals run</c> to print.
/// </summary>
internal sealed class SchemaWatch(LedgerDatabase database, IServiceProvider services)
{
    private readonly int _known = SchemaMigrator.KnownCount(database);
    private string? _stoppedBecause;

    /// <summary>Why the worker stopped; null while the schema is the one it knows.</summary>
    public string? StoppedBecause => Volatile.Read(ref _stoppedBecause);

    /// <summary>Reads the schema version; throws (and asks the host to stop) when it is not this program's.</summary>
    /// <exception cref="SchemaChangedException">The schema has more or fewer migrations than this program knows.</exception>
    public async Task EnsureUnchangedAsync(CancellationToken cancellationToken)
    {
        var applied = await SchemaMigrator.AppliedCountAsync(database, cancellationToken).ConfigureAwait(false);
        if (applied == _known) return;
        var why = applied > _known
            ? $"数据库 {database.DataSource} 的结构已被更新的程序升级 ({applied} 个迁移, 本程序只认识 {_known} 个), 本程序停止, 请换用新版本 " +
              $"(the ledger's schema was upgraded by a newer program while this one ran: {applied} migrations, this program knows {_known}; it stops; run the newer program)"
            : $"数据库 {database.DataSource} 的结构与本程序不符 ({applied} 个迁移, 本程序需要 {_known} 个), 本程序停止, 请运行 `proposals migrate` " +
              $"(the ledger's schema changed while this program ran: {applied} migrations, this program needs {_known}; it stops; run `proposals migrate`)";
        Volatile.Write(ref _stoppedBecause, why);
        services.GetService<IHostApplicationLifetime>()?.StopApplication();
        throw new SchemaChangedException(why);
    }
}

/// <summary>The ledger's schema is no longer the one this program knows; nothing more is sent.</summary>
internal sealed class SchemaChangedException(string message) : StorageException(message);
