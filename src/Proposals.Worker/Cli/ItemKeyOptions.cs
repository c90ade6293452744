using System.CommandLine;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Cli;

/// <summary>The options that name one item: <c>--kind K --session S --number N</c>, as every command on one item takes them.</summary>
internal sealed class ItemKeyOptions
{
    private readonly Option<string> _kind = new("--kind") { Description = "类别: 建议 (npc) 或 提案 (cppcc)", Required = true };
    private readonly Option<string> _session = new("--session") { Description = "届次, 如 十五届一次", Required = true };
    private readonly Option<string> _number = new("--number") { Description = "编号, 如 0012 (as imported)", Required = true };

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_kind);
        command.Options.Add(_session);
        command.Options.Add(_number);
    }

    /// <summary>The item the options name.</summary>
    /// <exception cref="UserInputException">The kind is none.</exception>
    public ItemKey Read(ParseResult parse) => new(
        ItemKinds.Parse(parse.GetValue(_kind)) ?? throw new UserInputException($"--kind: 无法识别 \"{parse.GetValue(_kind)}\" (expected 建议/npc or 提案/cppcc)"),
        parse.GetValue(_session)!.Trim(), parse.GetValue(_number)!.Trim());

    /// <summary>Who records: <c>--by</c>, else the system user.</summary>
    public static string Recorder(string? given) => given is { Length: > 0 } who ? who.Trim() : Environment.UserName;
}
