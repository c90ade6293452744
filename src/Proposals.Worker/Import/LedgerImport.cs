using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>What one run of an import found and whether it was kept.</summary>
/// <param name="Result">The import's own result: problems, notes, outcome.</param>
/// <param name="Preview">The preview of the run (the same whether it was kept or not).</param>
/// <param name="Written">Whether the run was committed.</param>
internal sealed record LedgerImportRun(ProposalImportResult Result, ImportPreview Preview, bool Written);

/// <summary>
/// Runs an import of the ledger of suggestions and proposals in one transaction and keeps it only when
/// the file had no problem and <c>keep</c> says so from the run's preview: the command line keeps every
/// good run, <c>--dry-run</c> none, the desk's confirm the run whose changes are those it previewed.
/// Whatever is not kept is rolled back, so a preview reads exactly what the import would write.
/// </summary>
internal sealed class LedgerImport(LedgerDatabase database, ItemStore items, FactStore facts, TimeProvider clock)
{
    /// <summary>Runs <paramref name="import"/> as <paramref name="by"/> (history entries <paramref name="via"/>).</summary>
    public async Task<LedgerImportRun> ProposalsAsync(ProposalImport import, string by, string via, Func<ImportPreview, bool> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(keep);
        using var changes = new ImportChanges();
        if (!database.Exists())
        {
            // A missing ledger is not created for a file that may be rejected: every row is new, nothing is written.
            var checkedOnly = await import.RunAsync(new PreviewLedger(new CheckOnlyLedger(), changes), cancellationToken).ConfigureAwait(false);
            return new LedgerImportRun(checkedOnly, ImportPreview.Of("proposals", checkedOnly.Report, changes) with { Unacknowledged = checkedOnly.Unacknowledged }, false);
        }
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ledger = new TransactionLedger(items, facts, connection, transaction, by, clock, via);
        var result = await import.RunAsync(new PreviewLedger(ledger, changes), cancellationToken).ConfigureAwait(false);
        var preview = ImportPreview.Of("proposals", result.Report, changes) with { Unacknowledged = result.Unacknowledged };
        // Once the last row is in, the commit is not interrupted: it is quick, and all or nothing by itself.
        if (!result.Ok || !ledger.Open || !keep(preview)) return new LedgerImportRun(result, preview, false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        if (result.Outcome.Added + result.Outcome.Changed > 0)
        {
            await items.TidyAfterImportAsync(connection, CancellationToken.None).ConfigureAwait(false);
        }
        return new LedgerImportRun(result, preview, true);
    }
}
