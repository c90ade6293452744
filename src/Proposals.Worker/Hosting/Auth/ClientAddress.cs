using System.Net;
using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The address a sign-in comes from, for counting failures. Behind the nginx of ops/nginx every
/// request arrives from 127.0.0.1, which would make one count for the whole bureau; so a request
/// from a loopback peer is counted under the address that peer names last in X-Forwarded-For
/// (the one nginx appends). The dashboard's local-only rule never looks at this header.
/// </summary>
internal static class ClientAddress
{
    /// <summary>The client's address as text; "unknown" when the connection has none (a Unix socket).</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var peer = context.Connection.RemoteIpAddress;
        if (peer is not null && IPAddress.IsLoopback(peer) && Forwarded(context.Request.Headers["X-Forwarded-For"]) is { } forwarded)
        {
            return forwarded.ToString();
        }
        return peer?.ToString() ?? "unknown";
    }

    private static IPAddress? Forwarded(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var last = header[(header.LastIndexOf(',') + 1)..].Trim();
        return IPAddress.TryParse(last, out var address) ? address : null;
    }
}
