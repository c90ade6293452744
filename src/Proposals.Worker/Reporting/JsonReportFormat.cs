using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;

namespace Proposals.Worker.Reporting;

/// <summary>
/// The JSON scripts read. The shape is fixed (and pinned by tests):
/// <c>{"year","asOf","kinds":{"npc","cppcc"},"divisions":[{"division","kind",...figures}],"paragraph","keyItemList","settings"}</c>;
/// each kind's figures are its totals, with <c>"levels":[{"level","sessionText",...figures,"sessions"}]</c> after them.
/// Rates are fractions rounded to four decimals (what 83.33% shows), or null when there is no rate.
/// Fields added later come after the first ones, so a script reading the old fields reads them unchanged.
/// </summary>
internal sealed class JsonReportFormat : IReportFormat
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese stays readable; characters that matter in HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string Name => "json";

    public string Extension => "json";

    public void Write(YearReport report, string paragraph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteNumber("year", report.Year);
        json.WriteString("asOf", Date(report.AsOf));
        json.WriteStartObject("kinds");
        foreach (var kind in new[] { ItemKind.Npc, ItemKind.Cppcc })
        {
            json.WriteStartObject(kind.Code());
            WriteFigures(json, report.Kinds[kind]);
            json.WriteStartArray("sessions");
            foreach (var session in report.Sessions[kind]) json.WriteStringValue(session);
            json.WriteEndArray();
            json.WriteString("sessionText", SessionName.Join(kind, report.Sessions[kind], report.Settings.Level));
            json.WriteStartArray("levels");
            foreach (var level in report.Levels[kind]) WriteLevel(json, kind, level);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("divisions");
        foreach (var d in report.Divisions)
        {
            json.WriteStartObject();
            json.WriteString("division", d.Division);
            json.WriteString("kind", d.Kind.Code());
            WriteFigures(json, d.Figures);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("paragraph", paragraph);
        json.WriteStartArray("keyItemList");
        foreach (var k in report.KeyItems) WriteKeyItem(json, k);
        json.WriteEndArray();
        // How the rates were counted, so that a script knows what solvedRate and satisfactionRate mean.
        json.WriteStartObject("settings");
        json.WriteString("level", report.Settings.Level);
        json.WriteBoolean("countBasicallySatisfied", report.Settings.CountBasicallySatisfied);
        json.WriteString("solvedClasses", report.Settings.SolvedClasses.Code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLevel(Utf8JsonWriter json, ItemKind kind, LevelFigures level)
    {
        json.WriteStartObject();
        json.WriteString("level", level.Level);
        json.WriteString("sessionText", SessionName.Join(kind, level.Sessions, level.Level));
        WriteFigures(json, level.Figures);
        json.WriteStartArray("sessions");
        foreach (var session in level.Sessions) json.WriteStringValue(session);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter json, Figures f)
    {
        json.WriteNumber("assigned", f.Assigned);
        json.WriteNumber("replied", f.Replied);
        json.WriteNumber("repliedOnTime", f.RepliedOnTime);
        json.WriteNumber("overdueOpen", f.OverdueOpen);
        json.WriteNumber("evaluated", f.Evaluated);
        json.WriteNumber("satisfied", f.Satisfied);
        json.WriteNumber("basicallySatisfied", f.BasicallySatisfied);
        json.WriteNumber("dissatisfied", f.Dissatisfied);
        json.WriteNumber("classA", f.ClassA);
        json.WriteNumber("classB", f.ClassB);
        json.WriteNumber("classC", f.ClassC);
        json.WriteNumber("classD", f.ClassD);
        json.WriteNumber("returned", f.Returned);
        json.WriteNumber("extended", f.Extended);
        json.WriteNumber("keyItems", f.KeyItems);
        json.WriteNumber("keyReplied", f.KeyReplied);
        WriteRate(json, "replyRate", f.ReplyRate);
        WriteRate(json, "onTimeReplyRate", f.OnTimeReplyRate);
        WriteRate(json, "satisfactionRate", f.SatisfactionRate);
        WriteRate(json, "classARate", f.ClassARate);
        json.WriteNumber("openNotDue", f.OpenNotDue);
        json.WriteNumber("assisting", f.Assisting);
        json.WriteNumber("assistingDelivered", f.AssistingDelivered);
        json.WriteNumber("rehandled", f.Rehandled);
        json.WriteNumber("rereplied", f.Rereplied);
        json.WriteNumber("finalSatisfied", f.FinalSatisfied);
        json.WriteNumber("finalBasicallySatisfied", f.FinalBasicallySatisfied);
        json.WriteNumber("finalDissatisfied", f.FinalDissatisfied);
        json.WriteNumber("returnedLate", f.ReturnedLate);
        json.WriteNumber("published", f.Published);
        WriteRate(json, "finalSatisfactionRate", f.FinalSatisfactionRate);
        json.WriteNumber("publishedOfYear", f.PublishedOfYear);
        json.WriteNumber("solved", f.Solved);
        WriteRate(json, "basicallySatisfiedRate", f.BasicallySatisfiedRate);
        WriteRate(json, "finalBasicallySatisfiedRate", f.FinalBasicallySatisfiedRate);
        WriteRate(json, "solvedRate", f.SolvedRate);
        json.WriteStartObject("classShares");
        foreach (var c in Enum.GetValues<ReplyClass>()) WriteRate(json, SolvedClasses.Letter(c), f.ClassShare(c));
        json.WriteEndObject();
    }

    private static void WriteRate(Utf8JsonWriter json, string name, double? rate)
    {
        if (Percent.Round(rate) is { } r) json.WriteNumber(name, r);
        else json.WriteNull(name);
    }

    private static void WriteKeyItem(Utf8JsonWriter json, KeyItemState k)
    {
        json.WriteStartObject();
        json.WriteString("kind", k.Key.Kind.Code());
        json.WriteString("session", k.Key.Session);
        json.WriteString("number", k.Key.Number);
        json.WriteString("title", k.Title);
        json.WriteString("division", k.LeadDivision);
        json.WriteString("status", k.Status.Code());
        json.WriteString("dueOn", Date(k.DueOn));
        if (k.RepliedOn is { } r) json.WriteString("repliedOn", Date(r));
        else json.WriteNull("repliedOn");
        json.WriteBoolean("repliedOnTime", k.RepliedOnTime);
        json.WriteEndObject();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
