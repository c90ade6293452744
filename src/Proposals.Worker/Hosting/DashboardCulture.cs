using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The dashboard in the language of <c>Dashboard:Culture</c> (default zh-CN: Hangfire ships the
/// Chinese strings, found through zh-CN's parent cultures), with dates as 2026-12-02 16:28.
/// Hangfire writes dates in the browser with moment.js under the page's language; a script of ours,
/// added to the dashboard's scripts, gives moment that format.
/// </summary>
internal sealed class DashboardCulture(RequestDelegate next, DashboardOptions dashboard)
{
    /// <summary>The script's resource name (see the project file).</summary>
    public const string DatesScript = "Proposals.Worker.Hosting.dashboard-dates.js";

    // Hangfire keeps its scripts in one static list: add ours once per process, not once per host.
    private static readonly Lazy<bool> Registered = new(() =>
    {
        DashboardRoutes.AddJavaScript(typeof(DashboardCulture).Assembly, DatesScript);
        return true;
    });

    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(dashboard.Culture);
    private readonly PathString _path = new(dashboard.Path);

    /// <summary>Adds the dates script to the dashboard's scripts (once).</summary>
    public static void RegisterDatesScript() => _ = Registered.Value;

    /// <summary>Runs a dashboard request under the configured culture.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Only the dashboard: everything else writes invariant text or its own words.
        if (context.Request.Path.StartsWithSegments(_path, StringComparison.OrdinalIgnoreCase))
        {
            // Set inside an async method, the culture reverts when the request's work is done.
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _culture;
        }
        await next(context).ConfigureAwait(false);
    }
}
