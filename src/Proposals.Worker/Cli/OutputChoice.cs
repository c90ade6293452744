namespace Proposals.Worker.Cli;

/// <summary>
/// The format of a command's output: the one <c>--format</c> names; without it, the one the <c>--out</c>
/// file's extension names; without either, the default. An extension that names another format than
/// <c>--format</c> is a mistake (exit 2): <c>--format csv --out 2018.xlsx</c> would write a file Excel refuses.
/// </summary>
internal static class OutputChoice
{
    /// <summary>The chosen format's name.</summary>
    /// <param name="given">The <c>--format</c> value, or null when not given.</param>
    /// <param name="path">The <c>--out</c> file, or null for standard output.</param>
    /// <param name="byExtension">The format each known extension (without the dot, lower case) names.</param>
    /// <param name="fallback">The format when neither says.</param>
    /// <exception cref="UserInputException">The extension contradicts <paramref name="given"/>, or names no format and nothing else does.</exception>
    public static string Resolve(string? given, string? path, IReadOnlyDictionary<string, string> byExtension, string fallback)
    {
        ArgumentNullException.ThrowIfNull(byExtension);
        var extension = path is null ? "" : Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        var named = byExtension.GetValueOrDefault(extension);
        if (given is not null)
        {
            if (named is not null && !string.Equals(named, given, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException(
                    $"--out {path}: 扩展名 .{extension} 是 {named} 格式, 与 --format {given} 不符 " +
                    $"(the extension .{extension} means {named}, not {given}; change one of them)");
            }
            return given;
        }
        if (named is not null) return named;
        if (extension.Length == 0) return fallback;
        throw new UserInputException(
            $"--out {path}: 无法从扩展名 .{extension} 判断格式, 请用 --format 指明 " +
            $"(.{extension} names no format; give --format, or use one of .{string.Join(", .", byExtension.Keys.Where(k => k.Length > 0))})");
    }
}
