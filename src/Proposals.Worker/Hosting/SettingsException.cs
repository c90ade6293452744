namespace Proposals.Worker.Hosting;

/// <summary>One or more settings are broken; each message names the setting and what is expected.</summary>
internal sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception("配置有误 (invalid settings):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
