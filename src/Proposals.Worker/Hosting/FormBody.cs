using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The form a page posts, read once, before the antiforgery check reads it: a body that says it is a
/// form but is not one (a multipart without its boundary, cut short, too many fields, too large) is
/// the client's mistake, answered 400 with one line in the log, not a server error with a stack trace.
/// </summary>
internal static partial class FormBody
{
    /// <summary>The posted form; null when the body is not a readable form (the caller answers 400).</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType) return null;
        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException || (e is IOException && !context.RequestAborted.IsCancellationRequested))
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Proposals.Web");
            Malformed(logger, context.Request.Path.Value ?? "", ClientAddress.Of(context), e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed form posted to {Path} from {Address}, refused with 400: {Reason}")]
    private static partial void Malformed(ILogger logger, string path, string address, string reason);
}
