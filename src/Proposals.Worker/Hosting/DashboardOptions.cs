namespace Proposals.Worker.Hosting;

/// <summary>Settings of the Hangfire Dashboard and the worker's web pages (section <c>Dashboard</c>).</summary>
internal sealed class DashboardOptions
{
    /// <summary>Where the worker listens. Loopback only by default.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The dashboard's path.</summary>
    public string Path { get; set; } = "/hangfire";

    /// <summary>
    /// The worker's address as the divisions reach it (e.g. https://proposals.bureau.example, through
    /// nginx): the links in reminders point there. Empty: reminders carry no links.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>How many days a link in a reminder works.</summary>
    public int LinkDays { get; set; } = 30;

    /// <summary><see cref="PublicUrl"/> as an address ending in '/', or null when not set.</summary>
    public Uri? PublicUri => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl.TrimEnd('/') + "/", UriKind.Absolute);

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
        if (!string.IsNullOrWhiteSpace(PublicUrl) &&
            (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var pub) || pub.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(pub.Query)))
        {
            yield return $"Dashboard:PublicUrl must be the worker's public address, such as https://proposals.bureau.example, not '{PublicUrl}'";
        }
        if (LinkDays is < 1 or > 365) yield return $"Dashboard:LinkDays must be 1..365 days, not {LinkDays}";
    }
}
