using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Import;

namespace Proposals.Worker.Desk;

/// <summary>
/// The desk's import takes files up to Import:MaxUploadMegabytes: its one path may send a body that large
/// (the server's default is 30 MB, and the form reader's 128 MB), streamed to disk by the form reader.
/// A body that says it is larger is not read at all: the upload is kept as refused, with the preview's one
/// problem, and the browser is sent to that preview. It stands after the sign-in gate and before the form
/// is first read. A viewer's upload gets neither: it is refused with 403 further on, as every change of a viewer is.
/// </summary>
internal sealed class UploadLimits(RequestDelegate next, DashboardOptions dashboard, ImportOptions options, Hosting.Auth.UserStore users)
{
    // The multipart envelope around the file: boundaries, the other fields, the antiforgery token.
    private const long Envelope = 1024 * 1024;
    private readonly PathString _upload = new(dashboard.Path.TrimEnd('/') + ImportUploadDispatcher.Path);

    /// <summary>Raises the body limits of an upload, or refuses one too large before reading it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(_upload, StringComparison.Ordinal)
            || (users.Enabled && !context.User.IsInRole(Hosting.Auth.Roles.Coordinator)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var limit = options.MaxUploadBytes + Envelope;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await RefuseAsync(context, length).ConfigureAwait(false);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        await next(context).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, long length)
    {
        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var preview = UploadRefusals.TooBig(DeskImport.Proposals, length - Envelope, options);
        var id = DeskImport.NewId();
        await new UploadStore(services.GetRequiredService<LedgerDatabase>()).SaveAsync(new StoredUpload
        {
            Id = id, Kind = preview.Kind, FileName = "", Preview = preview.ToJson(), Fingerprint = preview.Fingerprint,
            UploadedBy = DeskPost.Who(context), UploadedAt = now, ExpiresAt = now + DeskImport.Kept,
        }, context.RequestAborted).ConfigureAwait(false);
        // The body is not read: the server drains it or closes the connection, as it does with any unread body.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = dashboard.Path.TrimEnd('/') + ImportPage.Path + "?id=" + id;
    }
}
