using System.CommandLine;

namespace Proposals.Worker.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary><c>--db PATH</c>: the SQLite ledger file, instead of ConnectionStrings:Proposals.</summary>
    public static Option<string?> Db() => new("--db") { Description = "台账数据库文件 (the SQLite ledger file; default data/proposals.db)", HelpName = "PATH" };
}
