using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Import;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/import/upload (multipart: <c>file</c>, <c>kind</c> proposals or divisions, the checkboxes
/// <c>file_wins</c> and <c>allow_renumber</c>): the file, streamed to disk by the form reader, is imported
/// in a run that keeps nothing, and kept in the ledger with the run's preview for an hour; the browser is
/// sent to the preview. A file too big, not a spreadsheet or with bad rows gets a preview of its problems.
/// </summary>
internal sealed class ImportUploadDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = "/import/upload";

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DeskPost.Allowed(context)) return;
        var http = context.GetHttpContext();
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var kind = form["kind"].ToString() is DeskImport.Divisions ? DeskImport.Divisions : DeskImport.Proposals;
        var fileWins = form["file_wins"].ToString() == "on";
        var allowRenumber = form["allow_renumber"].ToString() == "on";
        var services = http.RequestServices;
        var options = services.GetRequiredService<ImportOptions>();
        var by = DeskPost.Who(context.GetHttpContext());
        var file = form.Files.GetFile("file");
        var name = file is null ? "" : System.IO.Path.GetFileName(file.FileName);
        byte[]? content = null;
        ImportPreview preview;
        if (file is null || file.Length == 0) preview = UploadRefusals.NoFile(kind);
        else if (file.Length > options.MaxUploadBytes) preview = UploadRefusals.TooBig(kind, file.Length, options);
        else if (!DeskImport.IsSpreadsheet(name)) preview = UploadRefusals.NotSpreadsheet(kind, name);
        else (preview, content) = await PreviewAsync(services, file, kind, name, fileWins, allowRenumber, by, http.RequestAborted).ConfigureAwait(false);

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var id = DeskImport.NewId();
        await new UploadStore(services.GetRequiredService<LedgerDatabase>()).SaveAsync(new StoredUpload
        {
            Id = id, Kind = kind, FileName = name, Content = preview.Ok ? content : null, FileWins = fileWins, AllowRenumber = allowRenumber,
            Preview = preview.ToJson(), Fingerprint = preview.Fingerprint, UploadedBy = by, UploadedAt = now, ExpiresAt = now + DeskImport.Kept,
        }, http.RequestAborted).ConfigureAwait(false);
        DeskPost.SeeOther(context, ImportPage.Path, "?id=" + id);
    }

    // The import reads a file by its path and kind by its extension: the upload is copied to one of its own.
    private static async Task<(ImportPreview, byte[])> PreviewAsync(
        IServiceProvider services, IFormFile file, string kind, string name, bool fileWins, bool allowRenumber, string by, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"proposals-upload-{DeskImport.NewId()}{System.IO.Path.GetExtension(name).ToLowerInvariant()}");
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }
            var (preview, _) = await DeskImport.RunAsync(services, kind, path, name, fileWins, allowRenumber, by, _ => false, cancellationToken).ConfigureAwait(false);
            return (preview, preview.Ok ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : []);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
