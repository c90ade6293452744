namespace Proposals.Worker.Import;

/// <summary>The notes a read gives besides its problems: what was ignored and where the header was found.</summary>
internal static class ImportNotes
{
    /// <summary>Notes about the header: ignored columns, a header below row 1.</summary>
    public static IReadOnlyList<string> Of(HeaderMap header)
    {
        var notes = new List<string>();
        if (header.RowNumber > 1) notes.Add($"表头在第 {header.RowNumber} 行，之前的行未导入 (the header is row {header.RowNumber}; the rows above it were not imported)");
        if (header.UnknownColumns.Count > 0)
        {
            var unknown = string.Join("、", header.UnknownColumns.Select(CellText.Quote));
            notes.Add($"已忽略未识别的列: {unknown} (unknown columns ignored: {unknown})");
        }
        return notes;
    }
}
