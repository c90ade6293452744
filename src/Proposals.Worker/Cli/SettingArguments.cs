using Microsoft.Extensions.Configuration;

namespace Proposals.Worker.Cli;

/// <summary>
/// Settings given on the command line, as .NET programs take them: <c>--Mail:Transport=smtp</c> or
/// <c>--Mail:Transport smtp</c>, anywhere among the arguments. A setting always names its section
/// (the colon), which is what tells it from a command's own options.
/// </summary>
internal static class SettingArguments
{
    /// <summary>Splits <paramref name="args"/> into the settings and the arguments left for the commands.</summary>
    /// <exception cref="UserInputException">A setting without a value.</exception>
    public static (IReadOnlyDictionary<string, string?> Settings, string[] Remaining) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settingTokens = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }
            if (!IsSetting(arg))
            {
                rest.Add(arg);
                continue;
            }
            if (arg.Contains('=', StringComparison.Ordinal))
            {
                settingTokens.Add(arg);
                continue;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new UserInputException($"设置 {arg} 缺少取值, 应写作 {arg}=值 (setting {arg} has no value; write {arg}=VALUE)");
            settingTokens.Add(arg);
            settingTokens.Add(args[++i]);
        }
        // The configuration library reads the tokens, so quoting and forms behave as in any .NET program.
        var settings = new ConfigurationBuilder().AddCommandLine([.. settingTokens]).Build()
            .AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        return (settings, [.. rest]);
    }

    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal)) return false;
        var name = arg.AsSpan(2);
        var equals = name.IndexOf('=');
        if (equals >= 0) name = name[..equals];
        var colon = name.IndexOf(':');
        return colon > 0 && colon < name.Length - 1;
    }
}
