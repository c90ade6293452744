using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Import;

namespace Proposals.Worker.Desk;

/// <summary>
/// The desk's import of an uploaded file: the command line's import (<see cref="LedgerImport"/>,
/// <see cref="DivisionImport"/>) with the same settings, run as the signed-in user, history entries
/// <c>via desk</c>. The upload previews it (nothing kept); the confirm runs it again and keeps it only
/// when its changes are the ones previewed.
/// </summary>
internal static class DeskImport
{
    /// <summary>A ledger of suggestions and proposals.</summary>
    public const string Proposals = "proposals";

    /// <summary>A list of divisions.</summary>
    public const string Divisions = "divisions";

    /// <summary>How long an upload and its preview are kept for the confirm.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    /// <summary>Whether a file of this name is a spreadsheet the import reads.</summary>
    public static bool IsSpreadsheet(string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() is ".CSV" or ".XLSX";

    /// <summary>
    /// Runs the import of <paramref name="path"/> (the upload <paramref name="fileName"/>) and keeps it when
    /// <paramref name="keep"/> says so from the run's preview; a file that cannot be read at all is a preview of one problem.
    /// </summary>
    public static async Task<(ImportPreview Preview, bool Written)> RunAsync(
        IServiceProvider services, string kind, string path, string fileName, bool fileWins, bool allowRenumber, string by,
        Func<ImportPreview, bool> keep, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<ImportOptions>();
        var database = services.GetRequiredService<LedgerDatabase>();
        var divisions = services.GetRequiredService<DivisionStore>();
        try
        {
            if (kind == Divisions)
            {
                var import = new DivisionImport(database, divisions);
                var (preview, rows) = await import.PreviewAsync(path, options, cancellationToken).ConfigureAwait(false);
                if (!preview.Ok || !keep(preview)) return (preview, false);
                await import.WriteAsync(rows, by, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return (preview, true);
            }
            var known = await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
            var calendar = await services.GetRequiredService<CalendarSource>().LoadAsync(cancellationToken).ConfigureAwait(false);
            var ledger = services.GetRequiredService<LedgerOptions>();
            var proposals = new ProposalImport(new ProposalImportSettings(
                path, known.Keys.ToHashSet(StringComparer.Ordinal), calendar, ledger.Limits, options, allowRenumber, fileWins, ledger.MaxExtensionMonths));
            var run = await new LedgerImport(database, services.GetRequiredService<ItemStore>(), services.GetRequiredService<FactStore>(),
                services.GetRequiredService<TimeProvider>()).ProposalsAsync(proposals, by, "desk", keep, cancellationToken).ConfigureAwait(false);
            return (run.Preview, run.Written);
        }
        catch (ImportFileException e)
        {
            // The message names the file where the server keeps it for the moment: the user knows it by its own name.
            return (ImportPreview.Refused(kind, "文件", e.Message.Replace(path, fileName, StringComparison.Ordinal)), false);
        }
    }

    /// <summary>A fresh id for an upload: random, so that one user's upload cannot be guessed by another.</summary>
    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
