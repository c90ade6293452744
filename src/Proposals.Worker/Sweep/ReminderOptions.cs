using Proposals.Domain.Reminders;

namespace Proposals.Worker.Sweep;

/// <summary>Settings of the reminders (section <c>Reminders</c>); every number of the policy is one.</summary>
internal sealed class ReminderOptions
{
    /// <summary>Calendar days before the due date that get a reminder.</summary>
    public int[]? DaysBefore { get; set; }

    /// <summary>Working days between reminders after the due date.</summary>
    public int OverdueEveryWorkingDays { get; set; } = 5;

    /// <summary>Whether the due date itself gets a reminder.</summary>
    public bool RemindOnDueDate { get; set; } = true;

    /// <summary>At most this many reminders after the due date; empty for no limit.</summary>
    public int? MaxOverdueStages { get; set; }

    /// <summary>The local time (Ledger:TimeZone) of the daily sweep, HH:mm.</summary>
    public string SweepAt { get; set; } = "09:00";

    /// <summary>Whom the divisions contact with questions, named in every reminder.</summary>
    public string ContactName { get; set; } = "综合处";

    /// <summary>The contact's phone number, when given.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>
    /// Minutes after which a reminder stuck in "sending" is taken up again: its sender died between
    /// claiming and marking. Longer than any SMTP conversation, short enough to lose no working day.
    /// </summary>
    public int ClaimLapseMinutes { get; set; } = 15;

    public TimeSpan ClaimLapse => TimeSpan.FromMinutes(ClaimLapseMinutes);

    public ReminderPolicy Policy() => new(DaysBefore, OverdueEveryWorkingDays, RemindOnDueDate, MaxOverdueStages);

    public TimeOnly SweepTime => TimeOnly.ParseExact(SweepAt, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<string> Validate()
    {
        string? policyProblem = null;
        try
        {
            Policy();
        }
        catch (ArgumentException e)
        {
            policyProblem = e.Message.Split(" (Parameter", 2)[0];
        }
        if (policyProblem is not null) yield return policyProblem;
        if (!TimeOnly.TryParseExact(SweepAt, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            yield return $"Reminders:SweepAt must be a time such as 09:00, not '{SweepAt}'";
        }
        if (ClaimLapseMinutes < 1) yield return $"Reminders:ClaimLapseMinutes must be 1 or more, not {ClaimLapseMinutes}";
        if (string.IsNullOrWhiteSpace(ContactName)) yield return "Reminders:ContactName must name whom divisions contact (e.g. 综合处)";
    }
}
