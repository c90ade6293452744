using System.Net;
using System.Net.Sockets;

namespace Proposals.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for the tests' own servers.</summary>
internal static class Ports
{
    /// <summary>A port nothing listens on right now: free for a server to take, or a server that is down.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
