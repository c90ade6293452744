using Proposals.Domain.Reminders;
using System.Globalization;
using Fluid;
using Proposals.Domain.Ledger;

namespace Proposals.Mail;

/// <summary>
/// The variables a reminder template sees. Names are snake_case words a coordinator can read in the
/// template files; dates are written the Chinese way (2019年10月8日).
/// </summary>
internal static class ReminderTemplateModel
{
    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.GetCultureInfo("zh-CN") };

    /// <summary>A fresh context holding <paramref name="reminder"/>'s values.</summary>
    public static TemplateContext For(ReminderMessage reminder)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in Values(reminder))
            context.SetValue(name, value);
        return context;
    }

    /// <summary>Every variable, by name.</summary>
    public static IEnumerable<(string Name, object? Value)> Values(ReminderMessage r)
    {
        var isLead = r.Role == ReminderRole.Lead;
        yield return ("kind", r.Kind.Code());
        yield return ("kind_name", r.Kind.FullName());
        yield return ("kind_short", r.Kind.ShortName());
        yield return ("proposer_title", r.Kind == ItemKind.Npc ? "代表" : "委员");
        yield return ("session", r.Session);
        yield return ("number", r.Number);
        yield return ("title", r.Title);
        yield return ("proposer", r.Proposer);
        yield return ("lead_division", r.LeadDivision);
        yield return ("co_divisions", r.CoDivisions);
        yield return ("co_divisions_text", r.CoDivisions.Count == 0 ? "无" : string.Join("、", r.CoDivisions));
        yield return ("assigned_on", ChineseDate(r.AssignedOn));
        yield return ("due_on", ChineseDate(r.DueOn));
        yield return ("extended", r.OriginalDueOn is not null);
        yield return ("original_due_on", r.OriginalDueOn is { } original ? ChineseDate(original) : "");
        yield return ("division", r.DivisionName);
        yield return ("role", isLead ? "lead" : "co");
        yield return ("role_name", isLead ? "主办" : "协办");
        yield return ("is_lead", isLead);
        yield return ("stage", r.Stage);
        yield return ("days_left", r.DaysLeft);
        yield return ("due_today", r.DaysLeft == 0);
        yield return ("overdue", r.IsOverdue);
        yield return ("days_overdue", r.IsOverdue ? -r.DaysLeft : 0);
        yield return ("contact_name", r.Contact.Name);
        yield return ("contact_email", r.Contact.Email);
        yield return ("contact_phone", r.Contact.Phone ?? "");
    }

    /// <summary>2019-10-08 as 2019年10月8日.</summary>
    public static string ChineseDate(DateOnly date) =>
        date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);
}
