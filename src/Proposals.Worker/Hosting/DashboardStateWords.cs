using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.States;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The bodies of a job's states on Hangfire's job page in Chinese (延迟, 耗时, 服务器, 队列...): Hangfire writes them
/// in English whatever the culture, but lets a program register its own for each state. A failed state keeps
/// Hangfire's (the exception's own words); the state names in the headings are Hangfire's and stay as they are.
/// </summary>
internal static class DashboardStateWords
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        JobHistoryRenderer.Register(SucceededState.StateName, Succeeded);
        JobHistoryRenderer.Register(ProcessingState.StateName, Processing);
        JobHistoryRenderer.Register(EnqueuedState.StateName, Enqueued);
        JobHistoryRenderer.Register(ScheduledState.StateName, Scheduled);
        return true;
    });

    /// <summary>Registers the renderers once per process (Hangfire keeps them in a static).</summary>
    public static void Register() => _ = Registered.Value;

    private static NonEscapedString? Succeeded(HtmlHelper html, IDictionary<string, string> data)
    {
        var list = new StringBuilder();
        if (Milliseconds(data, "Latency") is { } latency) Term(list, html, "延迟", html.ToHumanDuration(latency, false));
        if (Milliseconds(data, "PerformanceDuration") is { } duration) Term(list, html, "耗时", html.ToHumanDuration(duration, false));
        if (data.TryGetValue("Result", out var result) && !string.IsNullOrWhiteSpace(result)) Term(list, html, "结果", result);
        return list.Length == 0 ? null : new NonEscapedString($"<dl class=\"dl-horizontal\">{list}</dl>");
    }

    private static NonEscapedString Processing(HtmlHelper html, IDictionary<string, string> data)
    {
        var list = new StringBuilder();
        if ((data.TryGetValue("ServerId", out var server) || data.TryGetValue("ServerName", out server)) && server is not null)
            list.Append("<dt>服务器:</dt><dd>").Append(html.ServerId(server)).Append("</dd>");
        if (data.TryGetValue("WorkerId", out var worker)) Term(list, html, "工作线程", worker.Length > 8 ? worker[..8] : worker);
        else if (data.TryGetValue("WorkerNumber", out var number)) Term(list, html, "工作线程", "#" + number);
        return new NonEscapedString($"<dl class=\"dl-horizontal\">{list}</dl>");
    }

    private static NonEscapedString Enqueued(HtmlHelper html, IDictionary<string, string> data) =>
        new($"<dl class=\"dl-horizontal\"><dt>队列:</dt><dd>{html.QueueLabel(data.TryGetValue("Queue", out var queue) ? queue : "default")}</dd></dl>");

    // The time as Hangfire stores it (an ISO instant), shown by the dashboard's own script in the page's format.
    private static NonEscapedString? Scheduled(HtmlHelper html, IDictionary<string, string> data)
    {
        if (!data.TryGetValue("EnqueueAt", out var text) ||
            !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)) return null;
        var seconds = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new NonEscapedString(
            $"<dl class=\"dl-horizontal\"><dt>计划入队:</dt><dd data-moment=\"{html.HtmlEncode(seconds)}\">{html.HtmlEncode(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC</dd></dl>");
    }

    private static void Term(StringBuilder list, HtmlHelper html, string term, string value) =>
        list.Append("<dt>").Append(term).Append(":</dt><dd>").Append(html.HtmlEncode(value)).Append("</dd>");

    private static TimeSpan? Milliseconds(IDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? TimeSpan.FromMilliseconds(ms) : null;
}
