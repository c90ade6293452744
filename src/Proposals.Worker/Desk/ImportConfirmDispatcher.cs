using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Import;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/import/confirm (form field <c>id</c>): the upload is imported again, with the options it
/// was previewed with, and written all or nothing, only when the run's changes are exactly the preview's
/// (the same fingerprint); otherwise the ledger changed meanwhile and the confirm is refused with
/// 已被他人修改, the upload then showing the preview of the ledger as it is now.
/// </summary>
internal sealed class ImportConfirmDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = "/import/confirm";

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DeskPost.Allowed(context)) return;
        var http = context.GetHttpContext();
        var values = await context.Request.GetFormValuesAsync("id").ConfigureAwait(false);
        var services = http.RequestServices;
        var store = new UploadStore(services.GetRequiredService<LedgerDatabase>());
        var clock = services.GetRequiredService<TimeProvider>();
        var upload = values.Count == 1 && values[0] is { Length: > 0 } id ? await store.FindAsync(id, clock.GetUtcNow(), http.RequestAborted).ConfigureAwait(false) : null;
        if (upload is null)
        {
            await DeskPost.RefuseAsync(http, StatusCodes.Status404NotFound,
                "上传不存在或已超过一小时, 未写入任何数据; 请重新上传 (no such upload, or older than an hour; nothing was written: upload the file again)").ConfigureAwait(false);
            return;
        }
        if (upload.ConfirmedAt is not null || upload.Content is null)
        {
            await DeskPost.RefuseAsync(http, StatusCodes.Status409Conflict, upload.ConfirmedAt is not null
                ? "此上传已导入, 未再次写入 (this upload was imported already; nothing was written again)"
                : "此上传有问题, 不能导入, 未写入任何数据 (this upload has problems and cannot be imported; nothing was written)").ConfigureAwait(false);
            return;
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"proposals-upload-{DeskImport.NewId()}{System.IO.Path.GetExtension(upload.FileName).ToLowerInvariant()}");
        ImportPreview preview;
        bool written;
        try
        {
            await File.WriteAllBytesAsync(path, upload.Content, http.RequestAborted).ConfigureAwait(false);
            (preview, written) = await DeskImport.RunAsync(services, upload.Kind, path, upload.FileName, upload.FileWins, upload.AllowRenumber, DeskPost.Who(context.GetHttpContext()),
                run => run.Fingerprint == upload.Fingerprint, http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
        }
        if (!written)
        {
            await store.UpdatePreviewAsync(upload.Id, preview.ToJson(), preview.Fingerprint, http.RequestAborted).ConfigureAwait(false);
            var again = new UrlHelper(context).To(ImportPage.Path) + "?id=" + upload.Id;
            await DeskPost.RefuseAsync(http, StatusCodes.Status409Conflict,
                $"已被他人修改: 预览之后台账已有变更, 导入的结果将与预览不同, 未写入任何数据; 新的预览见 {again} , 核对后再确认 " +
                $"(changed by someone else: the ledger changed after the preview and the import would differ from it; nothing was written. " +
                $"The new preview is at {again}; check it, then confirm)").ConfigureAwait(false);
            return;
        }
        await store.ConfirmAsync(upload.Id, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        DeskPost.SeeOther(context, ImportPage.Path, "?id=" + upload.Id);
    }
}
