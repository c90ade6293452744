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

    /// <summary>When reminders may go out on a working day, local time: from (HH:mm).</summary>
    public string WorkingHoursFrom { get; set; } = "08:30";

    /// <summary>When reminders may go out on a working day, local time: until (HH:mm); later sends wait for the next working morning.</summary>
    public string WorkingHoursUntil { get; set; } = "17:30";

    /// <summary>Whom the divisions contact with questions, named in every reminder.</summary>
    public string ContactName { get; set; } = "综合处";

    /// <summary>The contact's phone number, when given.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>
    /// Minutes after which a reminder stuck in "sending" is taken up again: its sender died between
    /// claiming and marking. Longer than any SMTP conversation, short
    /// enough that the re-queue round every 10 minutes takes it up again the same day.
    /// </summary>
    public int ClaimLapseMinutes { get; set; } = 15;

    public TimeSpan ClaimLapse => TimeSpan.FromMinutes(ClaimLapseMinutes);

    public ReminderPolicy Policy() => new(DaysBefore, OverdueEveryWorkingDays, RemindOnDueDate, MaxOverdueStages);

    public TimeOnly SweepTime => Time(SweepAt);

    public WorkingHours Hours => new(Time(WorkingHoursFrom), Time(WorkingHoursUntil));

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

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
        foreach (var (name, value) in new[] { ("SweepAt", SweepAt), ("WorkingHoursFrom", WorkingHoursFrom), ("WorkingHoursUntil", WorkingHoursUntil) })
        {
            if (!TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                yield return $"Reminders:{name} must be a time such as 09:00, not '{value}'";
            }
        }
        if (string.CompareOrdinal(WorkingHoursFrom, WorkingHoursUntil) >= 0)
        {
            yield return $"Reminders:WorkingHoursFrom ({WorkingHoursFrom}) must be before Reminders:WorkingHoursUntil ({WorkingHoursUntil})";
        }
        else if (string.CompareOrdinal(SweepAt, WorkingHoursFrom) < 0 || string.CompareOrdinal(SweepAt, WorkingHoursUntil) >= 0)
        {
            yield return $"Reminders:SweepAt ({SweepAt}) must lie within the working hours {WorkingHoursFrom}-{WorkingHoursUntil}";
        }
        if (ClaimLapseMinutes < 1) yield return $"Reminders:ClaimLapseMinutes must be 1 or more, not {ClaimLapseMinutes}";
        if (string.IsNullOrWhiteSpace(ContactName)) yield return "Reminders:ContactName must name whom divisions contact (e.g. 综合处)";
    }
}
