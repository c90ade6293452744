namespace Proposals.Worker.Import;

/// <summary>
/// Undoes the formula guard of our own CSV export (<c>proposals list --out x.csv</c>): a text that
/// starts like a formula (= + - @, a tab or CR) is written after an apostrophe, so that a spreadsheet
/// shows it as text. Read back, the apostrophe goes, so that a listed file imports unchanged; only
/// before those characters, and only in CSV (in an .xlsx the apostrophe is never part of the text).
/// </summary>
internal static class CsvFormulaGuard
{
    // The same characters as CsvHelper's InjectionCharacters, which the export uses.
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary><paramref name="field"/> without the guard's apostrophe, when it has one.</summary>
    public static string Undo(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Length >= 2 && field[0] == '\'' && FormulaStarts.Contains(field[1], StringComparison.Ordinal) ? field[1..] : field;
    }
}
