using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Import;

/// <summary>
/// Imports the list of divisions: reads it and previews what it changes against the ledger's divisions,
/// then writes it all in one transaction. The command line, its <c>--dry-run</c> and the desk's upload
/// and confirm all run this.
/// </summary>
internal sealed class DivisionImport(LedgerDatabase database, DivisionStore store)
{
    /// <summary>Reads <paramref name="path"/> and tells what writing it would change; the rows to write when the preview is <see cref="ImportPreview.Ok"/>.</summary>
    /// <exception cref="ImportFileException">The file cannot be read at all, breaks a limit, or has no rows.</exception>
    public async Task<(ImportPreview Preview, IReadOnlyList<Division> Rows)> PreviewAsync(string path, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = DivisionFile.Read(path, options, cancellationToken);
        var stored = database.Exists() && !SchemaMigrator.IsMissing(database)
            ? await store.AllAsync(cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, Division>();
        var rows = result.Rows;
        // A list without the heads' column says nothing about the heads: keep those on record.
        if (result.AbsentColumns.Contains("head_email"))
        {
            rows = rows.Select(d => stored.TryGetValue(d.Name, out var s) ? d with { HeadEmail = s.HeadEmail } : d).ToList();
        }
        var report = new ImportReport(options.MaxProblemsReported);
        report.Add(result.Problems);
        foreach (var note in result.Notes) report.Note(note);
        using var changes = new ImportChanges();
        foreach (var division in rows) changes.Add(Change(division, stored.GetValueOrDefault(division.Name)));
        // The file's problems beyond those listed are counted as the file reported them.
        var preview = ImportPreview.Of("divisions", report, changes) with { ProblemCount = result.ProblemCount, ProblemRows = result.ProblemRows };
        return (preview, preview.Ok ? rows : []);
    }

    /// <summary>Writes the rows of a good preview, all in one transaction; each address changed is kept in the history as changed by <paramref name="by"/>.</summary>
    public Task<UpsertOutcome> WriteAsync(IReadOnlyList<Division> rows, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.UpsertAsync(rows, by, at, cancellationToken);

    private static ImportChange Change(Division division, Division? stored)
    {
        if (stored is null) return new ImportChange(ImportChangeKind.Added, division.Name, $"邮箱 {division.Email}" + (division.HeadEmail is { } h ? $"; 负责人邮箱 {h}" : ""));
        var fields = new List<string>();
        if (stored.Email != division.Email) fields.Add($"邮箱: {stored.Email} → {division.Email}");
        if (stored.HeadEmail != division.HeadEmail) fields.Add($"负责人邮箱: {stored.HeadEmail ?? "(空)"} → {division.HeadEmail ?? "(空)"}");
        return new ImportChange(fields.Count == 0 ? ImportChangeKind.Unchanged : ImportChangeKind.Changed, division.Name, string.Join("; ", fields));
    }
}
