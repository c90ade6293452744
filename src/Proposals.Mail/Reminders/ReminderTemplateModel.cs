using System.Globalization;
using Fluid;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;

namespace Proposals.Mail;

/// <summary>
/// The variables a reminder template sees. Names are snake_case words a coordinator can read in the
/// template files; dates are written the Chinese way (2019年10月8日). Whether a message is
/// supervision, overdue or a re-handling comes from the plan, never from the template's own sums.
/// </summary>
internal static class ReminderTemplateModel
{
    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.GetCultureInfo("zh-CN") };

    /// <summary>An empty context with the options every mail template shares (Chinese culture, the model's member access).</summary>
    public static TemplateContext NewContext() => new(Options);

    /// <summary>A fresh context holding <paramref name="message"/>'s values.</summary>
    public static TemplateContext For(ReminderMessage message)
    {
        var context = NewContext();
        foreach (var (name, value) in Values(message))
            context.SetValue(name, value);
        return context;
    }

    /// <summary>Every variable, by name.</summary>
    public static IEnumerable<(string Name, object? Value)> Values(ReminderMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var item = m.Item;
        var r = m.Reminder;
        var isLead = r.Role == ReminderRole.Lead;
        yield return ("kind", item.Key.Kind.Code());
        yield return ("kind_name", item.Key.Kind.FullName());
        yield return ("kind_short", item.Key.Kind.ShortName());
        yield return ("proposer_title", ProposerTitle(item.Key.Kind));
        yield return ("session", item.Key.Session);
        yield return ("number", item.Key.Number);
        yield return ("title", item.Title);
        yield return ("proposer", item.Proposer);
        yield return ("bureau_assisting", !item.BureauRole.IsLead());
        yield return ("key_item", item.IsKey);
        yield return ("lead_division", item.LeadDivision);
        yield return ("co_divisions", item.CoDivisions);
        yield return ("co_divisions_text", item.CoDivisions.Count == 0 ? "无" : string.Join("、", item.CoDivisions));
        yield return ("assigned_on", ChineseDate(item.AssignedOn));
        yield return ("due_on", ChineseDate(r.DueOn));
        var extended = isLead && r.Round == HandlingRound.First && item.Extension is not null && r.Stage.Stage.Kind != StageKind.Acknowledge;
        yield return ("extended", extended);
        yield return ("original_due_on", extended ? ChineseDate(item.DueOn) : "");
        yield return ("division", r.Division);
        yield return ("role", r.Role.Code());
        yield return ("role_name", r.Role.ChineseName());
        yield return ("is_lead", isLead);
        yield return ("rehandling", r.Round == HandlingRound.Rehandling);
        yield return ("is_acknowledge", r.Stage.Stage.Kind == StageKind.Acknowledge);
        yield return ("stage", r.Stage.Code);
        yield return ("stage_name", r.StageName);
        yield return ("notice", r.Notice);
        yield return ("is_co_input_late", r.Stage.Stage.Kind == StageKind.CoInputLate);
        yield return ("late_co_divisions_text", string.Join("、", r.LateCoDivisions));
        yield return ("supervision", r.Supervision);
        yield return ("days_left", m.DaysLeft);
        yield return ("due_today", m.DaysLeft == 0);
        yield return ("overdue", m.IsOverdue);
        yield return ("days_overdue", m.IsOverdue ? -m.DaysLeft : 0);
        yield return ("days_past", Math.Max(0, -m.DaysLeft));
        yield return ("contact_name", m.Contact.Name);
        yield return ("contact_email", m.Contact.Email);
        yield return ("contact_phone", m.Contact.Phone ?? "");
        yield return ("links", m.Links.Select(l => new Dictionary<string, object> { ["label"] = l.Label, ["url"] = l.Url.AbsoluteUri }).ToList());
    }

    /// <summary>What the proposers are called: 代表 for a deputies' suggestion, 委员 for a CPPCC proposal.</summary>
    public static string ProposerTitle(ItemKind kind) => kind switch
    {
        ItemKind.Npc => "代表",
        ItemKind.Cppcc => "委员",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>2019-10-08 as 2019年10月8日.</summary>
    public static string ChineseDate(DateOnly date) =>
        date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);
}
