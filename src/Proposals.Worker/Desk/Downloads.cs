using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Proposals.Worker.Desk;

/// <summary>How the desk sends a file: written aside first (the writers write synchronously, and a failure half-way must not send half a file), then streamed.</summary>
internal static class Downloads
{
    /// <summary>The content type of each format the desk serves.</summary>
    public static string ContentType(string format) => format switch
    {
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv" => "text/csv; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a download format"),
    };

    /// <summary>Writes the file with <paramref name="write"/> to a temporary file, then sends it as an attachment named <paramref name="fileName"/>.</summary>
    public static async Task SendAsync(HttpContext http, string fileName, string format, Func<Stream, Task> write)
    {
        var path = Path.GetTempFileName();
        try
        {
            var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await using (file.ConfigureAwait(false))
            {
                await write(file).ConfigureAwait(false);
                file.Position = 0;
                var response = http.Response;
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = ContentType(format);
                response.ContentLength = file.Length;
                response.Headers.CacheControl = "no-store";
                response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = "export." + format }.ToString();
                await file.CopyToAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
            }
        }
        finally
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }

    /// <summary>A plain refusal with the reason, nothing sent.</summary>
    public static async Task RefuseAsync(HttpContext http, string reason)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(reason + "\n", http.RequestAborted).ConfigureAwait(false);
    }
}
