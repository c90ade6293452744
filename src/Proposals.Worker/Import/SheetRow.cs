namespace Proposals.Worker.Import;

/// <summary>
/// One row of a ledger file as read, before any meaning is given to it.
/// Cells are strings, or for xlsx also numbers, dates and booleans; a cell over the length limit is a <see cref="TooLongCell"/>.
/// </summary>
/// <param name="Number">The row number the user sees (1-based).</param>
/// <param name="Cells">The raw cell values, by column position.</param>
internal sealed record SheetRow(int Number, IReadOnlyList<object?> Cells)
{
    /// <summary>The raw value at a column position; null beyond the row's last cell.</summary>
    public object? this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : null;

    /// <summary>Whether every cell is empty or blank.</summary>
    public bool IsEmpty => Cells.All(c => c is not TooLongCell && CellText.Of(c).Length == 0);
}
