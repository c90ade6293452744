using System.Text.RegularExpressions;
using Hangfire.Dashboard;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Desk;

/// <summary>
/// Where one item lives on the desk: /hangfire/items/{kind}/{session}/{number}, each segment anything
/// without '/'; an item whose session or number holds '/' or '\' (which browsers turn into '/') is
/// reached by /hangfire/items?kind=&amp;session=&amp;number= instead. Its forms post to /hangfire/items/record.
/// </summary>
internal static class ItemRoutes
{
    /// <summary>The item page's path, and its form with the item in the query.</summary>
    public const string Path = "/items";

    /// <summary>Where every form of the item page posts: one change route, POST only.</summary>
    public const string RecordPath = "/items/record";

    /// <summary>Adds the routes; DeskPages calls it once per process.</summary>
    public static void Add()
    {
        // Hangfire takes the first route that matches: the change route before the item's segments.
        DashboardRoutes.Routes.AddRazorPage(RecordPath, _ => new ItemPost());
        DashboardRoutes.Routes.AddRazorPage(Path + "/(?<kind>[^/]+)/(?<session>[^/]+)/(?<number>[^/]+)", match => new ItemPage(FromRoute(match)));
        DashboardRoutes.Routes.AddRazorPage(Path, _ => new ItemPage(null));
    }

    /// <summary>The item page of <paramref name="key"/>, with <paramref name="query"/> added.</summary>
    public static string To(UrlHelper url, ItemKey key, params (string Name, string? Value)[] query)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(key);
        if (NeedsQuery(key.Session) || NeedsQuery(key.Number))
            return url.To(Path) + DeskHtml.Query([("kind", key.Kind.Code()), ("session", key.Session), ("number", key.Number), .. query]);
        return url.To($"{Path}/{key.Kind.Code()}/{Uri.EscapeDataString(key.Session)}/{Uri.EscapeDataString(key.Number)}") + DeskHtml.Query(query);
    }

    // ASP.NET Core gives the route the path decoded, so the segments are the item's own text.
    private static ItemKey? FromRoute(Match match) =>
        ItemKinds.Parse(match.Groups["kind"].Value) is { } kind ? new ItemKey(kind, match.Groups["session"].Value, match.Groups["number"].Value) : null;

    // A segment a browser or a proxy would read as a path step ('/', '\', '.', '..') goes in the query.
    private static bool NeedsQuery(string segment) =>
        segment.Contains('/', StringComparison.Ordinal) || segment.Contains('\\', StringComparison.Ordinal) || segment is "." or "..";
}
