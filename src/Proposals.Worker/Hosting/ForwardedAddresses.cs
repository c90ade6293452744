using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Hosting;

/// <summary>
/// Whose word the worker takes for the client's address and scheme (X-Forwarded-For,
/// X-Forwarded-Proto): only the proxies of <see cref="DashboardOptions.KnownProxies"/>, none by
/// default. ASP.NET Core trusts any loopback peer by default; that is cleared, since any program on
/// the machine could then choose the address the sign-in limits count and the local-only dashboard
/// sees. Behind the nginx of ops/nginx on the same machine: <c>Dashboard:KnownProxies=127.0.0.1</c>.
/// </summary>
internal static partial class ForwardedAddresses
{
    /// <summary>The entries of <paramref name="knownProxies"/> (addresses, or ranges as 10.0.0.0/8), ';' between them.</summary>
    public static IEnumerable<string> Entries(string? knownProxies) =>
        (knownProxies ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether <paramref name="entry"/> is an address or a CIDR range.</summary>
    public static bool IsValid(string entry) =>
        entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _);

    /// <summary>Takes X-Forwarded-For (the last address, the one the proxy added) and X-Forwarded-Proto from the known proxies only.</summary>
    public static WebApplication UseKnownProxies(this WebApplication app, DashboardOptions dashboard, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(dashboard);
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in Entries(dashboard.KnownProxies))
        {
            if (entry.Contains('/', StringComparison.Ordinal)) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else options.KnownProxies.Add(IPAddress.Parse(entry));
        }
        // The middleware believes every peer when it knows none: with the list empty it is left out.
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders(options);
            return app;
        }
        var warned = 0;
        app.Use((context, next) =>
        {
            if (Volatile.Read(ref warned) == 0 && Forwarded(context.Request) && context.Connection.RemoteIpAddress is { } peer && IPAddress.IsLoopback(peer)
                && Interlocked.Exchange(ref warned, 1) == 0)
            {
                Ignored(logger, peer.ToString());
            }
            return next(context);
        });
        return app;
    }

    private static bool Forwarded(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("X-Forwarded-Proto");

    [LoggerMessage(Level = LogLevel.Warning, Message = "转发头来自 {Peer} 但 Dashboard:KnownProxies 为空, 已忽略: 登录次数按代理的地址计, 会话 Cookie 不标 Secure; nginx 在本机时设 Dashboard:KnownProxies=127.0.0.1 " +
        "(X-Forwarded-For/X-Forwarded-Proto came from {Peer} while Dashboard:KnownProxies is empty, and were ignored: sign-in failures count under the proxy's address and the session cookie is not marked Secure; with nginx on this machine set Dashboard:KnownProxies=127.0.0.1, see ops/DEPLOYMENT.md)")]
    private static partial void Ignored(ILogger logger, string peer);
}
