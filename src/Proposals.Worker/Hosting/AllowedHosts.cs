using System.Net;
using Microsoft.Extensions.Configuration;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The host names the worker answers to (the <c>Host</c> header); any other gets 400. A web page
/// on another site whose name is made to resolve to this machine (DNS rebinding) carries its own
/// name in <c>Host</c>, so it is refused even from a browser on this machine. <c>AllowedHosts</c>
/// (';' between names) wins when set; otherwise the names the worker listens on
/// (<c>Dashboard:Urls</c>, plus <c>localhost</c> and the loopback addresses when it listens on one
/// of them or on every address) and the host of <c>Dashboard:PublicUrl</c>.
/// </summary>
internal static class AllowedHosts
{
    /// <summary>The setting.</summary>
    public const string Key = "AllowedHosts";

    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The allowed host names for <paramref name="configuration"/> and <paramref name="dashboard"/>.</summary>
    public static IReadOnlyList<string> From(IConfiguration configuration, DashboardOptions dashboard)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var given = configuration[Key];
        if (!string.IsNullOrWhiteSpace(given)) return given.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Defaults(dashboard);
    }

    /// <summary>The names that <paramref name="dashboard"/> implies.</summary>
    public static IReadOnlyList<string> Defaults(DashboardOptions dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var hosts = new List<string>();
        foreach (var url in dashboard.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) continue;
            if (IsAnyAddress(uri.Host) || IsLoopback(uri.Host)) hosts.AddRange(Loopback);
            if (!IsAnyAddress(uri.Host)) hosts.Add(uri.Host);
        }
        if (Uri.TryCreate(dashboard.PublicUrl, UriKind.Absolute, out var publicUrl)) hosts.Add(publicUrl.Host);
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsAnyAddress(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));
}
