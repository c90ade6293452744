namespace Proposals.Domain.Reminders;

/// <summary>How <see cref="ReminderRole"/> is written in the reminder record.</summary>
public static class ReminderRoleCodes
{
    /// <summary>"lead" or "co".</summary>
    public static string Code(this ReminderRole role) => role == ReminderRole.Lead ? "lead" : "co";

    /// <summary>Reads a code written by <see cref="Code"/>.</summary>
    public static ReminderRole Parse(string code) => code switch
    {
        "lead" => ReminderRole.Lead,
        "co" => ReminderRole.CoDivision,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "a reminder role is 'lead' or 'co'"),
    };
}
