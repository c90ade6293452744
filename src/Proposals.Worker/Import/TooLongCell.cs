namespace Proposals.Worker.Import;

/// <summary>
/// A cell longer than <see cref="ImportOptions.MaxFieldLength"/>: the readers stop keeping its text at
/// the limit and hand this instead, so that the row reports it under its column, like any bad value.
/// </summary>
/// <param name="Length">The cell's length in characters, as far as it was counted.</param>
internal sealed record TooLongCell(long Length);
