namespace Proposals.Worker.Import;

/// <summary>A ledger file opened for reading: its rows, one at a time, never all in memory.</summary>
internal interface ISheet : IDisposable
{
    /// <summary>
    /// The rows in order, each numbered as the user sees it; rows that are not in the file at all
    /// (an xlsx skips empty rows) are not produced, so numbers may jump.
    /// </summary>
    /// <exception cref="ImportFileException">The file breaks a limit or cannot be read past some row.</exception>
    IEnumerable<SheetRow> Rows(CancellationToken cancellationToken);
}
