using System.Text.Json;

namespace Proposals.Domain.Calendar;

/// <summary>
/// Reads and writes calendar files: the State Council's holiday schedules (法定节假日安排)
/// as JSON. Reads this project's own format and the community holiday-cn format, telling them
/// apart by their fields; writes the project's own format.
/// </summary>
public static class CalendarFile
{
    // Hand-edited files: tolerate comments and a trailing comma rather than refuse them.
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the schedules in <paramref name="json"/>; <paramref name="sourceName"/> names the file in errors.</summary>
    /// <exception cref="CalendarFileException">The text is not a readable calendar file; the message says where and why.</exception>
    public static CalendarFileContents Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Read(() => JsonDocument.Parse(json.TrimStart('\uFEFF'), Options), sourceName);
    }

    /// <summary>Reads the schedules in a UTF-8 <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="CalendarFileException">The stream is not a readable calendar file; the message says where and why.</exception>
    public static CalendarFileContents Parse(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Read(() => JsonDocument.Parse(stream, Options), sourceName);
    }

    /// <summary>
    /// The schedules in this project's own format, in year order, one holiday per line; what
    /// <see cref="Parse(string, string)"/> reads back to the same days, names and notices.
    /// </summary>
    /// <exception cref="ArgumentException">Two schedules are for the same year.</exception>
    public static string Write(IEnumerable<YearSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return ProjectCalendarWriter.Write(schedules);
    }

    private static CalendarFileContents Read(Func<JsonDocument> parse, string sourceName)
    {
        var json = new CalendarJson(sourceName);
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : "$";
            throw new CalendarFileException(sourceName, where, $"not valid JSON: {FirstSentence(e.Message)}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && ProjectCalendarFormat.Matches(root)) return ProjectCalendarFormat.Read(root, json);
            if (root.ValueKind == JsonValueKind.Object && HolidayCnFormat.Matches(root)) return HolidayCnFormat.Read(root, json);
            throw json.Error("$", "unknown calendar format: expected this project's format (an object with \"years\") " +
                "or the holiday-cn format (an object with \"year\" and \"days\")");
        }
    }

    // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 4." which the location already says.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut].TrimEnd();
    }
}
