using Hangfire.Dashboard;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The dashboard answers requests from this machine only. Hangfire's default filter does the same,
/// but a filter of our own keeps the rule explicit where it is configured.
/// </summary>
internal sealed class LocalRequestsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null) return true; // in-process test server
        return System.Net.IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress);
    }
}
