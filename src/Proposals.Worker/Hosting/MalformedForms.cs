using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Worker.Hosting;

/// <summary>
/// A body that says it is a form and is not one (a multipart without its boundary, cut short, too
/// many fields, too large) is the client's mistake: answered 400 here, with one line in the log,
/// before anything else reads it. Otherwise the first reader (the antiforgery check of /login, of a
/// division's link page, of the dashboard) would fail with a server error and a stack trace in the
/// log on every such request. The form read here is the one the endpoints read afterwards.
/// It stands after the sign-in gate, so that only sign-in, the link pages and signed-in users get here.
/// </summary>
internal sealed partial class MalformedForms(RequestDelegate next, ILogger<MalformedForms> logger)
{
    /// <summary>Reads the form of a request that has one, or answers 400 when it cannot be read.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException || (e is IOException && !context.RequestAborted.IsCancellationRequested))
            {
                Malformed(logger, context.Request.Path.Value ?? "", ClientAddress.Of(context), e.Message);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    "表单无法读取 (格式错误、不完整或字段过多), 请重新打开页面再提交 (the form could not be read: malformed, cut short or with too many fields; open the page again and send it anew)\n",
                    context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed form posted to {Path} from {Address}, refused with 400: {Reason}")]
    private static partial void Malformed(ILogger logger, string path, string address, string reason);
}
