using System.Net;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Desk;

/// <summary>
/// POST /hangfire/calendar/upload (multipart, field <c>file</c>): a coordinator loads a year's holiday schedule,
/// read and saved as <c>proposals calendar import</c> does (<see cref="CalendarLoad"/>); a bad file is refused
/// with the reason and nothing is saved. Viewers get 403; the dashboard checks the antiforgery token on POST,
/// and any other method is refused here.
/// </summary>
internal sealed class CalendarUploadDispatcher : IDashboardDispatcher
{
    /// <summary>The path under the dashboard.</summary>
    public const string Path = "/calendar/upload";

    // A year's schedule is a few kilobytes; the holiday-cn file of every year since 2007 is under 200 KB.
    private const long MaxBytes = 1 << 20;

    public async Task Dispatch(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DeskPost.Allowed(context)) return;
        var http = context.GetHttpContext();
        var back = new UrlHelper(context).To(CalendarPage.Path);
        if (!http.Request.HasFormContentType)
        {
            await RefuseAsync(http, back, "请选择要上传的文件 (choose a file to upload)").ConfigureAwait(false);
            return;
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (form.Files.GetFile("file") is not { } file || file.Length == 0)
        {
            await RefuseAsync(http, back, "请选择要上传的文件 (choose a file to upload)").ConfigureAwait(false);
            return;
        }
        var name = System.IO.Path.GetFileName(file.FileName) is { Length: > 0 } given ? given : "上传的文件";
        if (file.Length > MaxBytes)
        {
            await RefuseAsync(http, back, $"{name}: 文件过大, 节假日安排不超过 1 MB (the file is too big for a holiday schedule; at most 1 MB)").ConfigureAwait(false);
            return;
        }
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
            }
            catch (DecoderFallbackException)
            {
                await RefuseAsync(http, back, $"{name}: 不是 UTF-8 编码的 JSON 文件 (not a UTF-8 JSON file)").ConfigureAwait(false);
                return;
            }
        }
        var services = http.RequestServices;
        var outcome = await CalendarLoad.LoadAsync(text, name, services.GetRequiredService<CalendarStore>(), () => Task.CompletedTask, http.RequestAborted).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            await RefuseAsync(http, back, refusal + (outcome.Warning is { } w ? "\n" + w : "")).ConfigureAwait(false);
            return;
        }
        services.GetRequiredService<CalendarSource>().Forget();
        var years = string.Join("、", outcome.Years.Select(y => DeskRequest.N(y)));
        var first = DeskRequest.N(outcome.Years[0]);
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = back + DeskHtml.Query(("year", first), ("loaded", years));
    }

    // A page of its own, outside the dashboard's layout: the reason, and the way back. Nothing was saved.
    private static async Task RefuseAsync(HttpContext http, string back, string reason)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>未载入节假日安排</title></head><body style=\"font-family:sans-serif;margin:1.5rem;max-width:40rem\"><h1 style=\"font-size:1.3rem\">未载入节假日安排</h1>" +
            $"<p role=\"alert\" style=\"color:#b00;white-space:pre-wrap;overflow-wrap:anywhere\">{WebUtility.HtmlEncode(reason)}</p>" +
            $"<p>未写入任何数据 (nothing was saved). <a href=\"{WebUtility.HtmlEncode(back)}\">返回节假日安排</a></p></body></html>", http.RequestAborted).ConfigureAwait(false);
    }
}
