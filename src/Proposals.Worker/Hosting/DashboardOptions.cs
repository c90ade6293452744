namespace Proposals.Worker.Hosting;

/// <summary>Settings of the Hangfire Dashboard (section <c>Dashboard</c>).</summary>
internal sealed class DashboardOptions
{
    /// <summary>Where the worker listens. Loopback only by default: until sign-in exists, only local requests see the dashboard.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The dashboard's path.</summary>
    public string Path { get; set; } = "/hangfire";

    public IEnumerable<string> Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"Dashboard:Urls has '{url}', expected an address such as http://127.0.0.1:5080";
            }
        }
        if (!Path.StartsWith('/') || Path.Length < 2) yield return $"Dashboard:Path must start with / (e.g. /hangfire), not '{Path}'";
    }
}
