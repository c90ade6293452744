namespace Proposals.Storage;

/// <summary>Text matched with LIKE ... ESCAPE '\': its wildcard characters stand for themselves.</summary>
internal static class Like
{
    /// <summary><paramref name="text"/> with \, %, _ and [ (a set in SQL Server) escaped by a backslash.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal);
    }
}
