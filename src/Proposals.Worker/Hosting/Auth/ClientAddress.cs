using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The address a sign-in comes from, for counting failures: the connection's, which the forwarded
/// headers middleware has already set to the client's address when the request came through a proxy
/// of Dashboard:KnownProxies (see <see cref="ForwardedAddresses"/>); from any other peer,
/// X-Forwarded-For counts for nothing.
/// </summary>
internal static class ClientAddress
{
    /// <summary>The client's address as text; "unknown" when the connection has none (a Unix socket).</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
