namespace Proposals.Worker.Import;

/// <summary>Splits a 协办处室 cell into division names.</summary>
internal static class DivisionNames
{
    // Ledgers separate names with whatever punctuation the typist used, and Excel users put
    // each name on its own line inside the cell (Alt+Enter).
    private static readonly char[] Separators = [';', '；', '、', ',', '，', '\n', '\r'];

    /// <summary>The names in written order, trimmed, empties and repeats dropped.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(Separators)
            .Select(CellText.Clean)
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
