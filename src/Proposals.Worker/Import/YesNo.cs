namespace Proposals.Worker.Import;

/// <summary>Reads the yes/no columns (重点督办, 退回): 是/否, yes/no, true/false, 1/0, Y/N; empty is 否.</summary>
internal static class YesNo
{
    /// <summary>The answer, or null when the text is no yes/no word.</summary>
    public static bool? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" or "否" or "no" or "n" or "false" or "0" => false,
        "是" or "yes" or "y" or "true" or "1" => true,
        _ => null,
    };
}
