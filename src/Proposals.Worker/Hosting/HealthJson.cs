using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The body of <c>/health/ready</c>: the overall status, then each check with its status and a
/// sentence saying what was found and, when something is wrong, what to do. While sign-in is on,
/// only a signed-in user gets the checks; anyone else gets the overall status alone.
/// </summary>
/// <example>
/// {"status":"Degraded","durationMs":41,"checks":[{"name":"calendar","status":"Degraded",
/// "description":"2027 年节假日安排尚未载入 ...","durationMs":3,"data":{"year":2026}}]}
/// </example>
internal static class HealthJson
{
    // Chinese stays readable in the body; the body is JSON, never HTML, so relaxed escaping is safe.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Writes <paramref name="report"/> as the response to <paramref name="context"/>.</summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, Options);
        if (ShowsDetails(context))
        {
            Write(json, report);
        }
        else
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteEndObject();
        }
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    // What the checks found (server names, counts of failed reminders) is for the bureau's eyes:
    // a monitor without a session learns whether the worker is ready, not why.
    private static bool ShowsDetails(HttpContext context) =>
        context.RequestServices.GetService<UserStore>() is not { Enabled: true } || context.User.Identity?.IsAuthenticated == true;

    /// <summary>Writes <paramref name="report"/> to <paramref name="json"/>.</summary>
    public static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? entry.Exception?.Message ?? "");
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds));
            if (entry.Data.Count > 0)
            {
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    switch (value)
                    {
                        case int or long:
                            json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                            break;
                        case bool flag:
                            json.WriteBoolean(key, flag);
                            break;
                        default:
                            json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                            break;
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
