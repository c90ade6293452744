using System.Globalization;
using System.Text.Json;

namespace Proposals.Domain.Calendar;

/// <summary>
/// Reading fields of a calendar file with errors that name the file, the JSON path and the
/// reason, because the files are edited by hand and a bare "invalid JSON" helps nobody.
/// </summary>
internal sealed class CalendarJson(string sourceName)
{
    /// <summary>The years a schedule may be for; anything else is a typo.</summary>
    public const int FirstYear = 1949, LastYear = 2999;

    public string SourceName { get; } = sourceName;

    public CalendarFileException Error(string path, string reason) => new(SourceName, path, reason);

    public JsonElement Required(JsonElement obj, string name, JsonValueKind kind, string path) =>
        Optional(obj, name, kind, path) ?? throw Error(path, $"\"{name}\" is missing");

    public JsonElement? Optional(JsonElement obj, string name, JsonValueKind kind, string path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        var matches = kind == JsonValueKind.True
            ? value.ValueKind is JsonValueKind.True or JsonValueKind.False
            : value.ValueKind == kind;
        if (!matches) throw Error($"{path}.{name}", $"expected {Describe(kind)}, found {Describe(value.ValueKind)}");
        return value;
    }

    public string Text(JsonElement obj, string name, string path)
    {
        var text = Required(obj, name, JsonValueKind.String, path).GetString()!.Trim();
        if (text.Length == 0) throw Error($"{path}.{name}", "is empty");
        return text;
    }

    public int Year(JsonElement obj, string name, string path)
    {
        var value = Required(obj, name, JsonValueKind.Number, path);
        if (!value.TryGetInt32(out var year) || year < FirstYear || year > LastYear)
        {
            throw Error($"{path}.{name}", $"{value.GetRawText()} is not a year between {FirstYear} and {LastYear}");
        }
        return year;
    }

    public DateOnly Date(string text, string path)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw Error(path, $"bad date \"{text}\": expected a real date written YYYY-MM-DD");
    }

    public void NoOtherProperties(JsonElement obj, string path, params string[] known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Error($"{path}.{property.Name}", $"unknown field \"{property.Name}\" (expected {string.Join(", ", known)})");
            }
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}
