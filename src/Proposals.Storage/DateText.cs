using System.Globalization;

namespace Proposals.Storage;

/// <summary>Dates are stored as ISO text (YYYY-MM-DD): portable across providers and sortable.</summary>
internal static class DateText
{
    public static string Of(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Of(DateOnly? date) => date is { } d ? Of(d) : null;

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseOrNull(string? text) => string.IsNullOrEmpty(text) ? null : Parse(text);

    public static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
