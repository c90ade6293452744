namespace Proposals.Domain.Reminders;

/// <summary>Which part a division plays for an item, and so which due date its reminders count against.</summary>
public enum ReminderRole
{
    /// <summary>主办处室: reminded against the due date of the lead's round, and to acknowledge.</summary>
    Lead,

    /// <summary>协办处室: reminded against the date its input is due (<c>Item.CoInputDueOn</c>).</summary>
    CoDivision,
}

/// <summary>Codes and words of <see cref="ReminderRole"/>.</summary>
public static class ReminderRoles
{
    /// <summary>The stored and JSON code: <c>lead</c> or <c>co</c>.</summary>
    public static string Code(this ReminderRole role) => role switch
    {
        ReminderRole.Lead => "lead",
        ReminderRole.CoDivision => "co",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>主办 or 协办.</summary>
    public static string ChineseName(this ReminderRole role) => role switch
    {
        ReminderRole.Lead => "主办",
        ReminderRole.CoDivision => "协办",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Reads a code written by <see cref="Code"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Neither code.</exception>
    public static ReminderRole Parse(string code) => code switch
    {
        "lead" => ReminderRole.Lead,
        "co" => ReminderRole.CoDivision,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "a reminder role is 'lead' or 'co'"),
    };
}
