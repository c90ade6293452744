using System.Text.Encodings.Web;
using System.Text.Json;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Cli;

/// <summary>
/// The JSON object of one item in <c>proposals list --format json</c>; scripts rely on its field names.
/// Fields added later come after the first ones; none is renamed or removed.
/// </summary>
internal static class ItemJson
{
    /// <summary>Chinese stays readable in the output instead of \u escapes.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="item"/> as it stands on <paramref name="asOf"/>.</summary>
    public static void Write(Utf8JsonWriter json, Item item, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(item);
        json.WriteStartObject();
        json.WriteString("kind", item.Key.Kind.Code());
        json.WriteString("session", item.Key.Session);
        json.WriteString("number", item.Key.Number);
        json.WriteString("title", item.Title);
        json.WriteString("proposer", item.Proposer);
        json.WriteString("leadDivision", item.LeadDivision);
        json.WriteStartArray("coDivisions");
        foreach (var co in item.CoDivisions) json.WriteStringValue(co);
        json.WriteEndArray();
        json.WriteString("assignedOn", CliDate.Iso(item.AssignedOn));
        // The due date in force on the as-of day: an extension approved later was not yet in force.
        json.WriteString("dueOn", CliDate.Iso(item.DueInForceOn(asOf)));
        json.WriteString("originalDueOn", CliDate.Iso(item.DueOn));
        DateOrNull(json, "extendedTo", item.Extension?.NewDueOn);
        StringOrNull(json, "extensionReason", item.Extension?.Reason);
        json.WriteString("coInputDueOn", CliDate.Iso(item.CoInputDueOn));
        DateOrNull(json, "acknowledgedOn", item.AcknowledgedOn);
        DateOrNull(json, "repliedOn", item.RepliedOn);
        StringOrNull(json, "replyClass", item.ReplyClass?.ToString());
        StringOrNull(json, "satisfaction", item.Satisfaction?.Code());
        json.WriteBoolean("key", item.IsKey);
        json.WriteBoolean("returned", item.IsReturned);
        json.WriteString("status", item.StatusOn(asOf).Code());
        json.WriteBoolean("overdue", item.IsOverdue(asOf));
        json.WriteString("bureauRole", item.BureauRole.Code());
        json.WriteStartArray("coInputs");
        foreach (var input in item.CoInputs)
        {
            json.WriteStartObject();
            json.WriteString("division", input.Division);
            json.WriteString("deliveredOn", CliDate.Iso(input.DeliveredOn));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        DateOrNull(json, "evaluatedOn", item.EvaluatedOn);
        DateOrNull(json, "rehandleDueOn", item.RehandleDueOn);
        DateOrNull(json, "rerepliedOn", item.RerepliedOn);
        StringOrNull(json, "secondSatisfaction", item.SecondSatisfaction?.Code());
        DateOrNull(json, "publishedOn", item.PublishedOn);
        DateOrNull(json, "returnedOn", item.ReturnedOn);
        StringOrNull(json, "returnReason", item.ReturnReason);
        json.WriteBoolean("returnLate", item.IsReturnLate);
        StringOrNull(json, "returnDecision", item.ReturnDecision?.Code());
        DateOrNull(json, "returnDecidedOn", item.ReturnDecidedOn);
        DateOrNull(json, "extensionApprovedOn", item.Extension?.ApprovedOn);
        StringOrNull(json, "roleText", item.RoleText);
        StringOrNull(json, "leadUnit", item.LeadUnit);
        StringOrNull(json, "coUnits", item.CoUnits);
        StringOrNull(json, "secondReplyClass", item.SecondReplyClass?.ToString());
        json.WriteEndObject();
    }

    private static void DateOrNull(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d) json.WriteString(name, CliDate.Iso(d));
        else json.WriteNull(name);
    }

    /// <summary>A text field, or null.</summary>
    internal static void StringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
