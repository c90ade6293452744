using Hangfire.Dashboard;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The dashboard answers requests from this machine only. Like Hangfire's default filter, a request
/// without a client address is refused; a filter of our own keeps the rule explicit where it is configured.
/// </summary>
internal sealed class LocalRequestsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        // No address (a Unix socket, say) is not proof of a local caller.
        if (remote is null) return false;
        return System.Net.IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress);
    }
}
