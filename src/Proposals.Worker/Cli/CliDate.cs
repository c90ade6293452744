using System.Globalization;

namespace Proposals.Worker.Cli;

/// <summary>Dates and instants typed on the command line.</summary>
internal static class CliDate
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>Reads a date such as 2019-07-01; a clear error names the option otherwise.</summary>
    public static DateOnly Parse(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserInputException($"{option}: 日期无效 \"{text}\" (expected a date such as 2019-07-01)");

    /// <summary>Reads an ISO 8601 instant such as 2019-09-29T09:00:00+08:00; a bare date means 09:00 in the bureau's zone.</summary>
    public static DateTimeOffset ParseInstant(string text, string option, TimeZoneInfo zone)
    {
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            // Without an offset the text means the bureau's local time, not the machine's.
            return HasOffset(text) ? instant : new DateTimeOffset(instant.DateTime, zone.GetUtcOffset(instant.DateTime));
        }
        var date = Parse(text, option);
        var local = date.ToDateTime(new TimeOnly(9, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>ISO text of a date.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text)
    {
        var time = text[(text.IndexOf('T', StringComparison.Ordinal) + 1)..];
        return time.EndsWith('Z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
    }
}
