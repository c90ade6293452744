using System.Text.Json;

namespace Proposals.Benchmarks.Results;

/// <summary>
/// <c>bench-results.json</c>: one object per operation, {"operation", "rows", "messages" (the emails a sweep sent), "seconds",
/// "baselineSeconds", "ratio", "peakRssMb", "provider", "items"} (null where there is no value),
/// then "failed", "exitCode" and "note" so that a script can tell a failure from a slow run.
/// </summary>
internal static class ResultsJson
{
    public static void Write(string path, IReadOnlyList<Measurement> rows, string provider, int items)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var m in rows)
        {
            json.WriteStartObject();
            json.WriteString("operation", m.Operation);
            Number(json, "rows", m.Rows);
            Number(json, "messages", m.Messages);
            Number(json, "seconds", Round(m.Seconds, 3));
            Number(json, "baselineSeconds", Round(m.BaselineSeconds, 3));
            Number(json, "ratio", Round(m.Ratio, 3));
            Number(json, "peakRssMb", Round(m.PeakRssMb, 1));
            json.WriteString("provider", provider);
            json.WriteNumber("items", items);
            json.WriteBoolean("failed", m.Failed);
            Number(json, "exitCode", m.ExitCode);
            json.WriteString("note", m.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
