using System.CommandLine;
using Proposals.Storage;

namespace Proposals.Worker.Cli;

/// <summary><c>proposals migrate</c>: creates or upgrades the ledger schema.</summary>
internal static class MigrateCommand
{
    public static Command Create(Console console)
    {
        var db = CommonOptions.Db();
        var command = new Command("migrate", "创建或升级数据库结构 (create or upgrade the database schema)") { db };
        command.SetAction(async parse =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            SchemaMigrator.RefuseNewer(context.Database);
            var applied = await Task.Run(() => SchemaMigrator.Upgrade(context.Database, line => console.Error.WriteLine(line))).ConfigureAwait(false);
            // Hangfire's own tables live in a server database too; the workers expect them there.
            await Task.Run(() => Hosting.HangfireStorage.Install(context.Database.Provider, context.Database.ConnectionString)).ConfigureAwait(false);
            await console.Out.WriteLineAsync(applied.Count == 0
                ? $"数据库已是最新 (schema up to date): {context.Database.DataSource}"
                : $"已应用 {applied.Count} 个迁移 (applied {applied.Count} migration(s)): {string.Join(", ", applied)}").ConfigureAwait(false);
            // A worker still running the older program stops by itself at its next send (it re-reads the schema version).
            return ExitCodes.Ok;
        });
        return command;
    }
}
