using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The headers that tell a browser what a page of ours may do, on every answer the worker gives
/// (the dashboard, the desk, sign-in, the divisions' link pages, errors): scripts, styles and images
/// from this site only, no framing, no type guessing, no address leaking to other sites. The
/// program owns them, so that they hold without nginx (the sample in ops/nginx sends none of its
/// own). A page that sets one itself (the link pages' stricter referrer rule) keeps its own.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Scripts only from this site, never inline nor evaluated; styles from this site and inline (the
    /// pages style a few elements in place, and the dashboard's charts size themselves); forms post
    /// here only; nothing may frame a page.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Frame-Options", "DENY"),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "same-origin"),
    ];

    /// <summary>Adds the headers as the answer starts, then passes the request on.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            foreach (var (name, value) in Headers) headers.TryAdd(name, value);
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
